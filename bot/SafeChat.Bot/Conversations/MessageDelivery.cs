using SafeChat.Bot.Channels;
using SafeChat.Bot.Storage;
using SafeChat.Dialogs.Activities;

namespace SafeChat.Bot.Conversations;

/// <summary>
/// The one way a message gets into a conversation, whoever wrote it (the bot, a staff reply to a case, a team member in
/// a live chat): rendered for its channel, appended to the log (which Web Chat and Direct Line clients read), and handed
/// to the channel's sender if it has one (SMS and WhatsApp: the Twilio outbox, with its window and STOP rules), all in the
/// caller's transaction. Bot replies are appended inside the turn's own guarded statement, so the turn queues them here
/// with <see cref="Queue"/> and appends them itself.
/// </summary>
public sealed class MessageDelivery(ChannelRenderers renderers, ChannelSenders senders, ActivitySignals signals)
{
    public IReadOnlyList<Activity> Render(string channel, IEnumerable<Activity> messages) =>
        [.. messages.Select(m => renderers.For(channel).Render(m))];

    public async Task AddAsync(SafeChatDb db, ChannelTarget target, IReadOnlyList<Activity> messages, DateTime now, CancellationToken cancellation)
    {
        var rendered = Render(target.Channel, messages);
        await ActivityLog.AppendAsync(db, target.ConversationId, [.. rendered.Select(r => new ActivityLog.Entry(r, FromUser: false, VisibleToClient: true))], now, cancellation);
        Queue(db, target, rendered, now);
    }

    /// <summary>Hands rendered messages to the channel's sender, if it has one (in the caller's transaction).</summary>
    public void Queue(SafeChatDb db, ChannelTarget target, IReadOnlyList<Activity> rendered, DateTime now, bool forgetAfterSend = false) =>
        senders.For(target.Channel)?.Queue(db, target, rendered, now, forgetAfterSend);

    /// <summary>Why a team member's message cannot reach this conversation now (after STOP), or null.</summary>
    public string? Unreachable(ChannelTarget target) => senders.For(target.Channel)?.Unreachable(target);

    /// <summary>After the commit: wake the streams (here and, through the bus, on other instances) and the senders, unless
    /// the caller knows it queued nothing for them (a woken sender looks in the database, and would find nothing).
    /// <paramref name="recorded"/>: the caller put what it wrote in <see cref="RecentActivities"/>.</summary>
    public void Delivered(string conversationId, bool wakeSender = true, bool recorded = false)
    {
        if (recorded) signals.NotifyRecorded(conversationId);
        else signals.Notify(conversationId);
        if (wakeSender) senders.WakeAll();
    }

    public static async Task<ChannelTarget?> TargetAsync(SafeChatDb db, string conversationId, CancellationToken cancellation) =>
        await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleOrDefaultAsync(
            db.Conversations.Where(c => c.Id == conversationId).Select(c => new ChannelTarget(c.Id, c.Channel, c.LastUserMessageAt, c.OptedOut)), cancellation);
}
