using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using SafeChat.Bot.Storage;
using SafeChat.Dialogs.Activities;

namespace SafeChat.Bot.Conversations;

/// <summary>
/// Appends to a conversation's activity log inside the caller's transaction. Sequence numbers come from
/// an atomic increment on the conversation row, so they are gap-free and commit in order on SQLite and
/// PostgreSQL alike, whatever number of processes write.
/// </summary>
public static class ActivityLog
{
    public sealed record Entry(Activity Activity, bool FromUser, bool VisibleToClient, string? ClientActivityId = null);

    /// <summary>
    /// Appends the entries. The statement that numbers them also applies <paramref name="alsoSet"/> to the conversation
    /// row, guarded by <paramref name="onlyIf"/> (a turn claims its state and logs its replies in one go); the insert
    /// carries whatever else the caller has added to the context. False when the guard did not hold: nothing was written.
    /// </summary>
    public static async Task<bool> AppendAsync(SafeChatDb db, string conversationId, IReadOnlyList<Entry> entries, DateTime now,
        CancellationToken cancellation, Expression<Func<ConversationRecord, bool>>? onlyIf = null,
        Action<UpdateSettersBuilder<ConversationRecord>>? alsoSet = null)
    {
        long count = entries.Count;
        if (count == 0 && alsoSet is null) return true;
        var inbound = entries.Any(e => e.FromUser);
        var row = db.Conversations.Where(c => c.Id == conversationId);
        if (onlyIf is not null) row = row.Where(onlyIf);

        var updated = await row.ExecuteUpdateAsync(s =>
        {
            if (count > 0)
            {
                s.SetProperty(c => c.LastSeq, c => c.LastSeq + count);
                s.SetProperty(c => c.LastInboundSeq, c => inbound ? c.LastSeq + count : c.LastInboundSeq);
            }
            alsoSet?.Invoke(s);
        }, cancellation);
        if (updated == 0) return onlyIf is null ? throw new ConversationNotFoundException(conversationId) : false;
        if (count == 0) return true;

        var counters = await db.Conversations.Where(c => c.Id == conversationId)
            .Select(c => new Counters(c.LastSeq, c.LastActivityAt)).SingleAsync(cancellation);
        // Date arithmetic in SQL differs per provider, hence this extra statement (AppendKnownAsync saves both reads).
        var timestamp = counters.Next(now);
        var last = timestamp.AddMilliseconds(count - 1);
        await db.Conversations.Where(c => c.Id == conversationId).ExecuteUpdateAsync(s => s.SetProperty(c => c.LastActivityAt, last), cancellation);
        db.Activities.AddRange(Stamp(conversationId, entries, counters.LastSeq - count + 1, timestamp));
        await db.SaveChangesAsync(cancellation);
        return true;
    }

    /// <summary>Where a conversation's log ends: the last sequence number and the timestamp of its last activity.</summary>
    public sealed record Counters(long LastSeq, DateTime LastActivityAt)
    {
        /// <summary>The timestamp of the next activity: now, or just after the last one if a clock is behind (timestamps
        /// strictly increase within a conversation, even if instances' clocks differ a little: Web Chat orders by them).</summary>
        public DateTime Next(DateTime now) => now > LastActivityAt ? now : LastActivityAt.AddMilliseconds(1);
    }

    /// <summary>Numbers, stamps and serialises the entries as the rows that store them, from <paramref name="firstSeq"/> on.</summary>
    public static List<ActivityRecord> Stamp(string conversationId, IReadOnlyList<Entry> entries, long firstSeq, DateTime timestamp)
    {
        var rows = new List<ActivityRecord>(entries.Count);
        var seq = firstSeq;
        foreach (var entry in entries)
        {
            var activity = entry.Activity;
            activity.Id = IdFor(conversationId, seq);
            activity.Timestamp = new DateTimeOffset(timestamp, TimeSpan.Zero);
            activity.Conversation = new ConversationAccount { Id = conversationId };
            rows.Add(new ActivityRecord
            {
                ConversationId = conversationId,
                Seq = seq,
                ActivityId = activity.Id,
                Type = activity.Type,
                FromUser = entry.FromUser,
                VisibleToClient = entry.VisibleToClient,
                ClientActivityId = entry.ClientActivityId,
                Json = ActivityJson.Serialize(activity),
                CreatedAt = timestamp,
            });
            seq++;
            timestamp = timestamp.AddMilliseconds(1);
        }
        return rows;
    }

    /// <summary>Direct Line style ids: the conversation id, a bar, and the zero-padded sequence number.</summary>
    public static string IdFor(string conversationId, long seq) => $"{conversationId}|{seq:D7}";

    /// <summary>The place in the log of an id <see cref="IdFor"/> made; null for any other id.</summary>
    public static long? SeqOf(string activityId) =>
        activityId.LastIndexOf('|') is var bar and >= 0 && long.TryParse(activityId.AsSpan(bar + 1), out var seq) ? seq : null;
}

public sealed class ConversationNotFoundException(string conversationId)
    : Exception($"Conversation '{conversationId}' does not exist.");
