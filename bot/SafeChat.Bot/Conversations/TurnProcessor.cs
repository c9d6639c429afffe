using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafeChat.Bot.Channels;
using SafeChat.Bot.Storage;
using SafeChat.Dialogs.Activities;
using SafeChat.Dialogs.Engine;

namespace SafeChat.Bot.Conversations;

/// <summary>
/// Runs the engine for every inbound activity not yet processed, oldest first. Each turn commits its
/// new state, its replies and its "processed" mark in one transaction guarded by the state version,
/// so a turn takes effect exactly once even when several processes race for it.
/// </summary>
public sealed class TurnProcessor(
    SafeChatDbFactory databases,
    ConversationEngine engine,
    ConversationLocks locks,
    ActivitySignals signals,
    TimeProvider clock,
    Reports.ReportWriter reports,
    MessageDelivery delivery,
    Privacy.Erasure erasure,
    Observability.SafeChatTelemetry telemetry,
    ILogger<TurnProcessor> logger)
{
    private static readonly JsonSerializerOptions StateJson = new(JsonSerializerDefaults.Web);

    public async Task ProcessPendingAsync(string conversationId, CancellationToken cancellation)
    {
        using var held = await locks.AcquireAsync(conversationId, cancellation);
        while (await ProcessNextAsync(conversationId, cancellation))
            signals.Notify(conversationId);
    }

    /// <summary>Processes the oldest pending inbound activity. False when none is left.</summary>
    private async Task<bool> ProcessNextAsync(string conversationId, CancellationToken cancellation)
    {
        await using var db = databases.Create();
        var conversation = await db.Conversations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == conversationId, cancellation);
        if (conversation is null || conversation.LastInboundSeq <= conversation.LastProcessedSeq) return false;
        var inbound = await db.Activities.AsNoTracking()
            .Where(a => a.ConversationId == conversationId && a.FromUser && a.Seq > conversation.LastProcessedSeq)
            .OrderBy(a => a.Seq).FirstAsync(cancellation);

        using var span = Observability.SafeChatTelemetry.Traces.StartActivity("turn");
        span?.SetTag("channel", conversation.Channel);
        var activity = ActivityJson.Deserialize(inbound.Json);
        var (state, replies, fired, effects) = RunEngine(conversation.StateJson, activity, conversationId);
        var entries = delivery.Render(conversation.Channel, replies).Select(r => new ActivityLog.Entry(Stamp(r, activity, inbound), false, true)).ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellation);
        var now = clock.GetUtcNow().UtcDateTime;
        await RedactStoredMessageAsync(db, inbound, activity, cancellation);
        var erasing = effects.OfType<SafeChat.Dialogs.Flows.Erase.EraseConversation>().Any();
        foreach (var effect in effects)
        {
            if (effect is SafeChat.Dialogs.Flows.Erase.EraseConversation) await erasure.EraseConversationAsync(db, conversationId, cancellation);
            else
            {
                await reports.ApplyAsync(db, effect, conversationId, now, cancellation);
                await Live.LiveChatEffects.ApplyAsync(db, effect, conversationId, state, now, cancellation);
            }
        }
        // Queued before the log append, whose save writes them in the same transaction. The channel's sender applies its
        // own rules (a turn run by a live-chat event may come long after the person last wrote: outside WhatsApp's window
        // its replies wait behind the template, as a team member's messages do).
        delivery.Queue(db, new ChannelTarget(conversationId, conversation.Channel, conversation.LastUserMessageAt, conversation.OptedOut),
            [.. entries.Select(e => e.Activity)], now, forgetAfterSend: erasing);
        var newState = JsonSerializer.Serialize(state, StateJson);
        // The state version guard makes the turn count once: if another process committed a turn first, nothing is kept.
        var claimed = await ActivityLog.AppendAsync(db, conversationId, entries, now, cancellation,
            onlyIf: c => c.StateVersion == conversation.StateVersion,
            alsoSet: s => s
                .SetProperty(c => c.StateJson, newState)
                .SetProperty(c => c.StateVersion, conversation.StateVersion + 1)
                .SetProperty(c => c.LastProcessedSeq, inbound.Seq));
        if (!claimed)
        {
            await transaction.RollbackAsync(cancellation);
            return true; // look again from the other process's result
        }
        await transaction.CommitAsync(cancellation);
        delivery.Delivered(conversationId);
        telemetry.TurnCompleted(conversation.Channel, clock.GetUtcNow().UtcDateTime - inbound.CreatedAt);
        foreach (var rule in fired) logger.LogInformation("Routing rule {Rule} fired", rule);
        return true;
    }

    private (ConversationState State, IReadOnlyList<Activity> Replies, IReadOnlyList<string> FiredRules, IReadOnlyList<ITurnEffect> Effects) RunEngine(
        string savedState, Activity inbound, string conversationId)
    {
        var state = LoadState(savedState);
        try
        {
            var outcome = engine.Run(state, inbound, clock.GetUtcNow());
            return (state, outcome.Replies, outcome.FiredRules, outcome.Effects);
        }
        catch (Exception error)
        {
            // A flow bug must not leave the person without an answer, nor loop on the same message:
            // keep the state from before the turn, answer with the fallback, and mark the turn done.
            logger.LogError(error, "Turn failed in conversation {ConversationId}; sent the fallback reply", conversationId);
            var unchanged = LoadState(savedState);
            return (unchanged, SafeChatFallback.Reply(engine, unchanged), [], []);
        }
    }

    private static ConversationState LoadState(string json) =>
        JsonSerializer.Deserialize<ConversationState>(json, StateJson) ?? new ConversationState();

    /// <summary>
    /// The engine has read the message; the stored transcript keeps it without phone numbers, e-mail addresses
    /// or long digit strings (a call-back number lives on only encrypted, on the report).
    /// </summary>
    private static async Task RedactStoredMessageAsync(SafeChatDb db, ActivityRecord record, Activity activity, CancellationToken cancellation)
    {
        if (activity.Text is not { Length: > 0 } text) return;
        var scrubbed = SafeChat.Dialogs.Reports.TextScrubber.Scrub(text);
        if (scrubbed == text) return;
        var redacted = activity.Clone();
        redacted.Text = scrubbed;
        var json = ActivityJson.Serialize(redacted);
        await db.Activities.Where(a => a.Id == record.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Json, json), cancellation);
    }

    private static Activity Stamp(Activity reply, Activity inbound, ActivityRecord inboundRecord)
    {
        reply.From = ConversationStore.Bot;
        reply.Recipient = inbound.From is { } from ? new ChannelAccount { Id = from.Id, Role = "user" } : null;
        reply.ChannelId = inbound.ChannelId;
        // Web Chat holds back a reply whose replyToId it has not seen; only messages reach the client.
        reply.ReplyToId = inboundRecord.VisibleToClient && inbound.Type == ActivityTypes.Message ? inbound.Id : null;
        return reply;
    }
}
