using SafeChat.Bot.Channels;
using SafeChat.Bot.Storage;
using SafeChat.Dialogs.Activities;

namespace SafeChat.Bot.Conversations;

/// <summary>
/// The one way a message from SafeChat's side (a staff reply to a case, a live message from a team member) gets into a
/// conversation: rendered for its channel, appended to the log (which Web Chat streams read) and queued for the channel's
/// sender (SMS and WhatsApp, with their window and STOP rules), in the caller's transaction. Bot replies take the same
/// renderer and outbox inside the turn's own guarded transaction (<see cref="TurnProcessor"/>).
/// </summary>
public sealed class MessageDelivery(ChannelRenderers renderers, Channels.Twilio.Outbox outbox, ActivitySignals signals)
{
    public sealed record Target(string ConversationId, string Channel, DateTime? LastUserMessageAt, bool OptedOut);

    public async Task AddAsync(SafeChatDb db, Target target, IReadOnlyList<Activity> messages, DateTime now, CancellationToken cancellation)
    {
        var rendered = messages.Select(m => renderers.For(target.Channel).Render(m)).ToList();
        await ActivityLog.AppendAsync(db, target.ConversationId, [.. rendered.Select(r => new ActivityLog.Entry(r, FromUser: false, VisibleToClient: true))], now, cancellation);
        if (!target.OptedOut) outbox.Add(db, target.ConversationId, target.Channel, rendered, now, Channels.Twilio.Outbox.WindowOpen(target.LastUserMessageAt, now));
    }

    /// <summary>After the commit: wake the streams (here and, through the bus, on other instances) and the sender.</summary>
    public void Delivered(string conversationId)
    {
        signals.Notify(conversationId);
        outbox.Wake();
    }

    public static async Task<Target?> TargetAsync(SafeChatDb db, string conversationId, CancellationToken cancellation) =>
        await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleOrDefaultAsync(
            db.Conversations.Where(c => c.Id == conversationId).Select(c => new Target(c.Id, c.Channel, c.LastUserMessageAt, c.OptedOut)), cancellation);
}
