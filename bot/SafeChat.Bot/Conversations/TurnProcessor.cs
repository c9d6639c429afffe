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
public sealed partial class TurnProcessor(
    SafeChatDbFactory databases,
    ConversationEngine engine,
    ConversationLocks locks,
    KnownConversations known,
    RecentActivities recent,
    TimeProvider clock,
    Reports.ReportWriter reports,
    MessageDelivery delivery,
    Privacy.Erasure erasure,
    Observability.SafeChatTelemetry telemetry,
    EngineReadiness readiness,
    ILogger<TurnProcessor> logger)
{

    public async Task ProcessPendingAsync(string conversationId, CancellationToken cancellation)
    {
        using var held = await locks.AcquireAsync(conversationId, cancellation);
        while (await ProcessNextAsync(conversationId, cancellation))
        {
        }
    }

    /// <summary>
    /// Processes the oldest pending inbound activity. False when none is left: none was pending, or the one processed was
    /// the last when it was read (a message stored since then has queued the conversation again).
    /// </summary>
    private async Task<bool> ProcessNextAsync(string conversationId, CancellationToken cancellation)
    {
        // What this instance knows (it stored the message and ran the last turn) spares the read; the commit's guard checks
        // it. Only a message known to be waiting is taken from memory: "nothing waiting" is for the database to say.
        var fromMemory = known.TryGet(conversationId, out var remembered) && remembered.View is { Pending.Count: > 0 };
        TurnView view;
        ActivityLog.Counters end;
        if (fromMemory)
            (view, end) = (remembered.View!, remembered.End);
        else
        {
            await using var db = databases.Create();
            // The conversation and its oldest pending inbound in one query.
            var next = await (
                from a in db.Activities
                join c in db.Conversations on a.ConversationId equals c.Id
                where a.ConversationId == conversationId && a.FromUser && a.Seq > c.LastProcessedSeq
                orderby a.Seq
                select new { Conversation = c, Inbound = a }).AsNoTracking().FirstOrDefaultAsync(cancellation);
            if (next is null) return false;
            view = TurnView.Of(next.Conversation, [next.Inbound]);
            end = new ActivityLog.Counters(next.Conversation.LastSeq, next.Conversation.LastActivityAt);
        }
        var inbound = view.Pending[0];
        // The view holds every waiting message only when this one is the last (memory's views always do).
        var complete = view.LastInboundSeq == view.Pending[^1].Seq;

        using var span = Observability.SafeChatTelemetry.Traces.StartActivity("turn");
        span?.SetTag("channel", view.Channel);
        var (turn, fired) = Run(view, inbound, conversationId);
        var effects = turn.Effects;

        // Most turns commit in one command, guarded by where the log ended and the state version. If that fails on what
        // memory said, look again in the database. If it fails on what was just read, a message came in since (or another
        // process took the turn): the counting statements of ActivityLog.AppendAsync decide, so a person writing on cannot
        // keep a turn from committing.
        // Where the log ends is noted at the commit, before any write that shared it returns: another turn's wake-up can
        // send this turn's reply, and the person's answer must find memory up to date (else it takes the slow path).
        // After an erasure the messages still waiting are gone too: the next turn asks the database.
        void Noted(Written committed) => Remember(conversationId, view, complete && !Erases(effects), committed);

        var written = await CommitAsync(turn, end, Noted, cancellation);
        // The person wrote again while this turn committed, through this instance: the same turn goes again behind it.
        for (var attempt = 1; written is null && fromMemory && attempt < KnownConversations.MostAttempts && StillFirst(conversationId, view, end, out var later); attempt++)
        {
            (view, end) = (later.View!, later.End);
            turn = Restamped(turn) with { View = view };
            written = await CommitAsync(turn, end, Noted, cancellation);
        }
        if (written is null)
        {
            known.Forget(conversationId);
            if (fromMemory) return true;
            written = await CommitAsync(Restamped(turn), end: null, Noted, cancellation);
            if (written is null) return true; // another process committed a turn first: look again from its result
        }
        delivery.Delivered(conversationId, wakeSender: written.Queued, recorded: written.Recorded);
        telemetry.TurnCompleted(view.Channel, clock.GetUtcNow().UtcDateTime - inbound.CreatedAt, fromMemory ? "memory" : "database");
        foreach (var rule in fired) logger.LogInformation("Routing rule {Rule} fired", rule);
        return view.LastInboundSeq > inbound.Seq;
    }

    /// <summary>Where the log ends after the commit and, when the view held every waiting message, what the next turn reads.</summary>
    private void Remember(string conversationId, TurnView view, bool complete, Written committed)
    {
        if (committed.End is { } after)
            known.Remember(conversationId, new KnownConversations.Known(after, complete ? view.Answered(committed.NewState) : null));
    }

    /// <summary>What memory noted after this instance stored another message of the conversation: the same message
    /// still first in line and the same state (else the engine's answer would differ), only more waiting behind it.</summary>
    private bool StillFirst(string conversationId, TurnView view, ActivityLog.Counters end, out KnownConversations.Known later) =>
        known.TryGetLater(conversationId, end, out later) &&
        later.View is { Pending: [var first, ..] } next && first.Seq == view.Pending[0].Seq && next.StateVersion == view.StateVersion;

    /// <summary>A retry stamps its own copies (id, time, place in the log): nothing may keep the first attempt's stamps.</summary>
    private static Turn Restamped(Turn turn) => turn with { Entries = [.. turn.Entries.Select(e => e with { Activity = e.Activity.Clone() })] };

    /// <summary>The engine's part of a turn: what it answers, rendered for the channel and stamped as replies.</summary>
    /// <param name="activity">The message as stored, when the caller holds it (it just stamped it): not read back from its JSON.</param>
    private (Turn Turn, IReadOnlyList<string> FiredRules) Run(TurnView view, ActivityRecord inbound, string conversationId, Activity? activity = null)
    {
        activity ??= ActivityJson.Deserialize(inbound.Json);
        var (state, replies, fired, effects) = RunEngine(view.StateJson, activity, conversationId);
        var entries = delivery.Render(view.Channel, replies).Select(r => new ActivityLog.Entry(Stamp(r, activity, inbound), false, true)).ToList();
        return (new Turn(view, inbound, activity, state, entries, effects), fired);
    }

    /// <param name="Arrived">The message itself, when it is stored with its turn (<see cref="AnswerOnArrivalAsync"/>):
    /// logged before the replies, as the transcript keeps it.</param>
    private sealed record Turn(TurnView View, ActivityRecord Inbound, Activity Activity, ConversationState State,
        IReadOnlyList<ActivityLog.Entry> Entries, IReadOnlyList<ITurnEffect> Effects, ActivityLog.Entry? Arrived = null);

    /// <summary>What a committed turn left: where the log ends (when known), its state, whether a channel's sender has
    /// work, and the rows (with the scrubbed message) that go to <see cref="RecentActivities"/>: none after an erasure or
    /// when the slow path wrote them.</summary>
    private sealed record Written(ActivityLog.Counters? End, string NewState, bool Queued,
        IReadOnlyList<ActivityRecord>? Rows, GuardedAppend.Rewrite? Scrubbed)
    {
        public bool Recorded => Rows is not null;
    }

    /// <summary>
    /// The turn's new state, its replies, its "processed" mark and its effects kept together, guarded by the state version
    /// (and, with <paramref name="end"/>, by where the log ends: then usually in one command, on PostgreSQL one statement
    /// without a transaction around it). Null when a guard failed: nothing was kept.
    /// </summary>
    private async Task<Written?> CommitAsync(Turn turn, ActivityLog.Counters? end, Action<Written> noted, CancellationToken cancellation)
    {
        var conversationId = turn.View.Id;
        // What needs no database is worked out before the write: on SQLite every write waits for the one writer.
        var newState = ConversationStateJson.Write(turn.State);
        // An erasure deletes the message itself.
        var scrubbed = Erases(turn.Effects) || turn.Arrived is not null ? null : Redacted(turn.Inbound, turn.Activity);
        using var write = recent.BeginWrite(conversationId);
        // With where the log ends, usually one command: on PostgreSQL then without a transaction around it.
        var written = end is null
            ? await databases.WriteAsync((db, token) => WriteAsync(db, turn, end, newState, scrubbed, token), cancellation, noted)
            : await databases.WriteAloneAsync((db, token) => WriteAsync(db, turn, end, newState, scrubbed, token), cancellation, noted);
        if (written is null)
        {
            write.WroteNothing();
            return null;
        }
        // After an erasure the log lost its past: readers ask the database, which no longer has it.
        if (written.Rows is { } rows)
        {
            recent.Record(conversationId, rows, write);
            if (written.Scrubbed is { } rewritten) recent.Rewrite(conversationId, rewritten.Seq, rewritten.Json);
        }
        return written;
    }

    /// <summary>The turn's writes, in the transaction <see cref="SafeChatDbFactory.WriteAsync{T}"/> holds, or for
    /// <see cref="SafeChatDbFactory.WriteAloneAsync{T}"/> in one when it takes more than the append's one command. Null when a
    /// guard did not hold.</summary>
    private async Task<Written?> WriteAsync(SafeChatDb db, Turn turn, ActivityLog.Counters? end, string newState, GuardedAppend.Rewrite? scrubbed,
        CancellationToken cancellation)
    {
        var conversation = turn.View;
        var conversationId = conversation.Id;
        var now = clock.GetUtcNow().UtcDateTime;
        var erasing = Erases(turn.Effects);
        if (turn.Effects.Count > 0) await SafeChatDbFactory.InTransactionAsync(db, cancellation);
        foreach (var effect in turn.Effects)
        {
            if (effect is SafeChat.Dialogs.Flows.Erase.EraseConversation) await erasure.EraseConversationAsync(db, conversationId, cancellation);
            else
            {
                await reports.ApplyAsync(db, effect, conversationId, now, cancellation);
                await Live.LiveChatEffects.ApplyAsync(db, effect, conversationId, turn.State, now, cancellation);
            }
        }
        // The channel's sender applies its own rules (a turn run by a live-chat event may come long after the person last
        // wrote: outside WhatsApp's window its replies wait behind the template, as a team member's messages do).
        var target = new ChannelTarget(conversationId, conversation.Channel, conversation.LastUserMessageAt, conversation.OptedOut);
        delivery.Queue(db, target, [.. turn.Entries.Select(e => e.Activity)], now, forgetAfterSend: erasing);
        // The one-command path inserts the outbox rows itself (EF Core would send SQLite one command per row).
        var outboxRows = end is null ? [] : RowInserts.TakeOutboxRows(db);
        var changed = db.ChangeTracker.HasChanges(); // each call looks through the tracked entities again
        var queued = outboxRows.Count > 0 || changed;
        if (changed)
        {
            // Effects (and the slow path's outbox rows): none on most turns.
            await SafeChatDbFactory.InTransactionAsync(db, cancellation);
            await db.SaveChangesAsync(cancellation);
        }

        if (end is not null)
        {
            var appended = await GuardedAppend.AppendAsync(db, conversationId, turn.Arrived is { } arrived ? [arrived, .. turn.Entries] : turn.Entries, now, end, cancellation,
                new GuardedAppend.Claim(conversation.StateVersion, newState, turn.Inbound.Seq), scrubbed, outboxRows: outboxRows);
            return appended is null ? null : new Written(appended.End, newState, queued, erasing ? null : appended.Rows, scrubbed);
        }
        if (turn.Arrived is not null) throw new InvalidOperationException("A message stored with its turn needs where the log ends.");
        if (scrubbed is not null)
            await db.Activities.Where(a => a.ConversationId == conversationId && a.Seq == scrubbed.Seq).ExecuteUpdateAsync(s => s.SetProperty(a => a.Json, scrubbed.Json), cancellation);
        var claimed = await ActivityLog.AppendAsync(db, conversationId, turn.Entries, now, cancellation,
            onlyIf: c => c.StateVersion == conversation.StateVersion,
            alsoSet: s => s
                .SetProperty(c => c.StateJson, newState)
                .SetProperty(c => c.StateVersion, conversation.StateVersion + 1)
                .SetProperty(c => c.LastProcessedSeq, turn.Inbound.Seq));
        return claimed ? new Written(null, newState, queued, Rows: null, Scrubbed: null) : null;
    }

    private static bool Erases(IReadOnlyList<ITurnEffect> effects) => effects.OfType<SafeChat.Dialogs.Flows.Erase.EraseConversation>().Any();

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

    private static ConversationState LoadState(string json) => ConversationStateJson.Read(json);

    /// <summary>
    /// The engine has read the message; the stored transcript keeps it without phone numbers, e-mail addresses
    /// or long digit strings (a call-back number lives on only encrypted, on the report). Null when there is nothing to scrub.
    /// </summary>
    private static GuardedAppend.Rewrite? Redacted(ActivityRecord record, Activity activity) =>
        ScrubbedCopy(activity) is { } redacted ? new GuardedAppend.Rewrite(record.Seq, ActivityJson.Serialize(redacted)) : null;

    private static Activity? ScrubbedCopy(Activity activity)
    {
        if (activity.Text is not { Length: > 0 } text) return null;
        var scrubbed = SafeChat.Dialogs.Reports.TextScrubber.Scrub(text);
        if (scrubbed == text) return null;
        var redacted = activity.Clone();
        redacted.Text = scrubbed;
        return redacted;
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
