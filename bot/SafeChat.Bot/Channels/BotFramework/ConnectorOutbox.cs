using SafeChat.Bot.Storage;
using SafeChat.Dialogs.Activities;

namespace SafeChat.Bot.Channels.BotFramework;

/// <summary>The sender for Bot Framework channels: replies are queued in the caller's transaction and the dispatcher
/// posts them to the channel's service URL after the commit. These channels have no window and no STOP.</summary>
public sealed class ConnectorOutbox(ConnectorSignal signal) : IChannelSender
{
    public IReadOnlyCollection<string> Channels => BotFrameworkChannels.All;

    public void Queue(SafeChatDb db, ChannelTarget target, IReadOnlyList<Activity> rendered, DateTime now, bool forgetAfterSend = false)
    {
        foreach (var activity in rendered.Where(a => !string.IsNullOrWhiteSpace(a.Text) || a.Attachments is { Count: > 0 }))
            db.ConnectorOutbox.Add(new ConnectorOutboxRecord
            {
                ConversationId = target.ConversationId, ActivityJson = ActivityJson.Serialize(activity), Status = OutboxStatuses.Pending,
                CreatedAt = now, NextAttemptAt = now, ForgetConversationAfterSend = forgetAfterSend,
            });
    }

    public string? Unreachable(ChannelTarget target) => null;

    public void Wake() => signal.Wake();

    public bool Holds(string channel) => false;

    public Task<bool> ReleaseHeldAsync(SafeChatDb db, string conversationId, string channel, DateTime now, CancellationToken cancellation) => Task.FromResult(false);
}

/// <summary>Wakes the connector dispatcher (its own instance, apart from Twilio's).</summary>
public sealed class ConnectorSignal : OutboxSignal;
