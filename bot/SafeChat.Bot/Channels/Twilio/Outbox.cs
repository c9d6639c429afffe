using Microsoft.EntityFrameworkCore;
using SafeChat.Bot.Storage;
using System.Text.Json;
using SafeChat.Dialogs.Activities;

namespace SafeChat.Bot.Channels.Twilio;

/// <summary>Queues channel replies in the caller's transaction; the dispatcher sends them after the commit. The sender
/// for SMS and WhatsApp: the WhatsApp 24-hour window and STOP are decided here, not in the conversation core.</summary>
public sealed class Outbox(OutboxSignal signal, TwilioOptions options) : IChannelSender
{
    public static bool Handles(string channel) => channel is TwilioChannels.Sms or TwilioChannels.WhatsApp;

    public IReadOnlyCollection<string> Channels { get; } = [TwilioChannels.Sms, TwilioChannels.WhatsApp];

    public void Queue(SafeChatDb db, ChannelTarget target, IReadOnlyList<Activity> rendered, DateTime now, bool forgetAfterSend = false)
    {
        if (target.OptedOut) return; // after STOP nothing goes out until START
        Add(db, target.ConversationId, target.Channel, rendered, now, WindowOpen(target.LastUserMessageAt, now), forgetAfterSend);
    }

    public string? Unreachable(ChannelTarget target) => Unreachable(target.Channel, target.OptedOut);

    /// <summary>Only WhatsApp holds messages (outside its 24-hour window): an SMS costs no query here.</summary>
    public bool Holds(string channel) => channel == TwilioChannels.WhatsApp;

    public async Task<bool> ReleaseHeldAsync(SafeChatDb db, string conversationId, string channel, DateTime now, CancellationToken cancellation) =>
        Holds(channel) && await db.Outbox.Where(o => o.ConversationId == conversationId && o.Status == OutboxStatuses.Held)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatuses.Pending).SetProperty(o => o.NextAttemptAt, now), cancellation) > 0;

    /// <param name="windowOpen">False for WhatsApp when the person last wrote more than 24 hours ago: then only the
    /// neutral template goes out, and the messages wait until the person answers it.</param>
    public void Add(SafeChatDb db, string conversationId, string channel, IEnumerable<Activity> rendered, DateTime now, bool windowOpen = true,
        bool forgetAfterSend = false)
    {
        if (!Handles(channel)) return;
        var held = channel == TwilioChannels.WhatsApp && !windowOpen;
        // One request to write back is enough: more held messages (a team member typing on) join the ones that wait.
        if (held && !AwaitsAnswer(db, conversationId)) AddWindowTemplate(db, conversationId, now);
        foreach (var activity in rendered.Where(a => !string.IsNullOrWhiteSpace(a.Text)))
        {
            var buttons = activity.SuggestedActions?.Actions is { Count: > 0 } actions
                ? JsonSerializer.Serialize(actions.Select(a => new { id = ChoiceId(a), title = a.Title }))
                : null;
            foreach (var text in buttons is null ? SmsText.Split(activity.Text!) : [activity.Text!])
                db.Outbox.Add(new OutboxRecord
                {
                    ConversationId = conversationId, Channel = channel, Body = text, Buttons = buttons, CreatedAt = now, NextAttemptAt = now,
                    Status = held ? OutboxStatuses.Held : OutboxStatuses.Pending,
                    ForgetConversationAfterSend = forgetAfterSend,
                });
        }
    }

    /// <summary>The neutral template that asks the person to write back, so the held messages may be sent.</summary>
    public void AddWindowTemplate(SafeChatDb db, string conversationId, DateTime now) =>
        db.Outbox.Add(new OutboxRecord
        {
            ConversationId = conversationId, Channel = TwilioChannels.WhatsApp, Body = "", ContentSid = options.WindowTemplateContentSid,
            Status = OutboxStatuses.Pending, CreatedAt = now, NextAttemptAt = now,
        });

    /// <summary>Messages are held already, so the template that asks the person to write back has gone out.</summary>
    private static bool AwaitsAnswer(SafeChatDb db, string conversationId) =>
        db.Outbox.Local.Any(o => o.ConversationId == conversationId && o.Status == OutboxStatuses.Held)
        || db.Outbox.Any(o => o.ConversationId == conversationId && o.Status == OutboxStatuses.Held);

    /// <summary>Why a team member's message cannot be delivered (null when it can): after STOP, Twilio and SafeChat send
    /// nothing more by SMS until the person sends START.</summary>
    public static string? Unreachable(string channel, bool optedOut) =>
        Handles(channel) && optedOut ? "Deze persoon heeft STOP gestuurd: berichten komen niet meer aan, tot die START stuurt." : null;

    public static bool WindowOpen(DateTime? lastUserMessageAt, DateTime now) =>
        lastUserMessageAt is { } last && now - last < TwilioOptions.Window;

    private static string ChoiceId(CardAction action) =>
        action.Extra?.TryGetValue("choiceId", out var id) == true ? id.GetString()! : action.Title!;

    /// <summary>Call after the commit, so the dispatcher finds the rows.</summary>
    public void Wake() => signal.Wake();
}
