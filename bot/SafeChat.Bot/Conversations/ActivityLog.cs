using Microsoft.EntityFrameworkCore;
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

    public static async Task AppendAsync(SafeChatDb db, string conversationId, IReadOnlyList<Entry> entries, DateTime now, CancellationToken cancellation)
    {
        if (entries.Count == 0) return;
        long count = entries.Count;
        var inbound = entries.Any(e => e.FromUser);

        var updated = await db.Conversations.Where(c => c.Id == conversationId).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.LastSeq, c => c.LastSeq + count)
            .SetProperty(c => c.LastInboundSeq, c => inbound ? c.LastSeq + count : c.LastInboundSeq), cancellation);
        if (updated == 0) throw new ConversationNotFoundException(conversationId);

        var counters = await db.Conversations.Where(c => c.Id == conversationId)
            .Select(c => new { c.LastSeq, c.LastActivityAt }).SingleAsync(cancellation);

        // Timestamps strictly increase within a conversation, even if instances' clocks differ a little:
        // Web Chat orders the transcript by them.
        var timestamp = now > counters.LastActivityAt ? now : counters.LastActivityAt.AddMilliseconds(1);
        var seq = counters.LastSeq - count;
        foreach (var entry in entries)
        {
            seq++;
            var activity = entry.Activity;
            activity.Id = IdFor(conversationId, seq);
            activity.Timestamp = new DateTimeOffset(timestamp, TimeSpan.Zero);
            activity.Conversation = new ConversationAccount { Id = conversationId };
            db.Activities.Add(new ActivityRecord
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
            timestamp = timestamp.AddMilliseconds(1);
        }
        var last = timestamp.AddMilliseconds(-1);
        await db.Conversations.Where(c => c.Id == conversationId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastActivityAt, last), cancellation);
        await db.SaveChangesAsync(cancellation);
    }

    /// <summary>Direct Line style ids: the conversation id, a bar, and the zero-padded sequence number.</summary>
    public static string IdFor(string conversationId, long seq) => $"{conversationId}|{seq:D7}";
}

public sealed class ConversationNotFoundException(string conversationId)
    : Exception($"Conversation '{conversationId}' does not exist.");
