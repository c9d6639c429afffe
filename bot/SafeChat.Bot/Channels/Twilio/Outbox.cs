using SafeChat.Bot.Storage;
using SafeChat.Dialogs.Activities;

namespace SafeChat.Bot.Channels.Twilio;

/// <summary>Queues channel replies in the caller's transaction; the dispatcher sends them after the commit.</summary>
public sealed class Outbox(OutboxSignal signal)
{
    public static bool Handles(string channel) => channel is TwilioChannels.Sms or TwilioChannels.WhatsApp;

    public void Add(SafeChatDb db, string conversationId, string channel, IEnumerable<Activity> rendered, DateTime now)
    {
        if (!Handles(channel)) return;
        foreach (var text in rendered.Where(a => !string.IsNullOrWhiteSpace(a.Text)).SelectMany(a => SmsText.Split(a.Text!)))
            db.Outbox.Add(new OutboxRecord
            {
                ConversationId = conversationId, Channel = channel, Body = text, Status = OutboxStatuses.Pending,
                CreatedAt = now, NextAttemptAt = now,
            });
    }

    /// <summary>Call after the commit, so the dispatcher finds the rows.</summary>
    public void Wake() => signal.Wake();
}

/// <summary>Wakes the dispatcher; the table stays the source of truth, so a lost wake-up only delays.</summary>
public sealed class OutboxSignal
{
    private readonly System.Threading.Channels.Channel<bool> _wakeups =
        System.Threading.Channels.Channel.CreateBounded<bool>(new System.Threading.Channels.BoundedChannelOptions(1) { FullMode = System.Threading.Channels.BoundedChannelFullMode.DropWrite });

    public void Wake() => _wakeups.Writer.TryWrite(true);

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellation)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timer.CancelAfter(timeout);
        try { await _wakeups.Reader.ReadAsync(timer.Token); }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested) { }
    }
}
