using Microsoft.EntityFrameworkCore;
using SafeChat.Bot.Storage;

namespace SafeChat.Bot.Channels.Twilio;

/// <summary>
/// Takes what is due in the outbox, for every conversation at once, in one command (UPDATE … RETURNING, which SQLite and
/// PostgreSQL both read): each row gets this instance's lease and comes back with what sending it needs. One command per
/// run instead of a read and then a claim for every message. A row is due when it waits with its time come, or when its
/// lease ran out (its sender died); a row behind one that waits for a retry, or that is in flight, is not. Held rows
/// (WhatsApp, outside its window) hold nothing back: the template that asks the person to write back comes after them.
/// </summary>
public static class OutboxClaims
{
    /// <summary>Rows taken per run; a busy outbox is emptied over several runs.</summary>
    public const int Most = 500;

    /// <summary>A taken row as <see cref="TakeDueSql"/> returns it.</summary>
    public sealed class Row
    {
        public long Id { get; set; }
        public string ConversationId { get; set; } = "";
        public string Channel { get; set; } = "";
        public string Body { get; set; } = "";
        public string? Buttons { get; set; }
        public string? ContentSid { get; set; }
        public bool ForgetConversationAfterSend { get; set; }
        public int Attempts { get; set; }
        public DateTime CreatedAt { get; set; }
        public DateTime NextAttemptAt { get; set; }
        public string? ProtectedAddress { get; set; }
        public bool OptedOut { get; set; }

        /// <summary>How many of its conversation's rows, itself included, were waiting or in flight up to it, as the
        /// command found them: 1 for the first in line. See <see cref="InLine"/>.</summary>
        public long Rank { get; set; }
    }

    /// <summary>What sending a row needs from its conversation, as it is when the command runs (a conversation that is
    /// gone counts as opted out).</summary>
    internal const string ConversationNow = """
        (SELECT c.channel_address_protected FROM conversations c WHERE c.id = outbox_messages.conversation_id) AS "ProtectedAddress",
            COALESCE((SELECT c.opted_out FROM conversations c WHERE c.id = outbox_messages.conversation_id), TRUE) AS "OptedOut"
        """;

    /// <summary>
    /// {0} the lease, {1} now, {2} how many. The due test is repeated outside the subquery: on PostgreSQL a row another
    /// instance took meanwhile is checked again as it is now, and skipped.
    /// Written for PostgreSQL's index, which keeps an entry under "pending" and one under "sending" for every row that
    /// went through them, until a vacuum removes them. A bitmap scan walks all of them each time; a plain index scan marks
    /// them dead as it passes, so the next one skips them. So each status is looked up on its own (a UNION ALL, an IN
    /// list), not as an OR of the two, which only a bitmap scan answers; and the statuses are written into the statement,
    /// not passed as values: a prepared statement's plan knows "pending" is rare only when it sees the word; and on
    /// PostgreSQL bitmap scans are off for the take (its planner still chose them on a busy table). Closed loop at 200 on
    /// PostgreSQL ×1 (pg_stat_statements, 2026-12-04): 5.3–6.9 ms a take and 40 % of the server's time in statements
    /// before; 5.0 ms with the statement alone; 0.74 ms with bitmap scans off too.
    /// </summary>
    private const string TakeDueSql = $$"""
        UPDATE outbox_messages SET status = '{{Sending}}', lease_until = {0}
        WHERE ((status = '{{Pending}}' AND next_attempt_at <= {1}) OR (status = '{{Sending}}' AND lease_until < {1}))
          AND id IN (
            SELECT o.id FROM (
                SELECT id, conversation_id FROM outbox_messages WHERE status = '{{Pending}}' AND next_attempt_at <= {1}
                UNION ALL
                SELECT id, conversation_id FROM outbox_messages WHERE status = '{{Sending}}' AND lease_until < {1}) o
            WHERE NOT EXISTS (SELECT 1 FROM outbox_messages e
                              WHERE e.conversation_id = o.conversation_id AND e.id < o.id AND e.status IN ('{{Pending}}', '{{Sending}}')
                                AND NOT ((e.status = '{{Pending}}' AND e.next_attempt_at <= {1}) OR (e.status = '{{Sending}}' AND e.lease_until < {1})))
            ORDER BY o.id LIMIT {2})
        RETURNING id AS "Id", conversation_id AS "ConversationId", channel AS "Channel", body AS "Body", buttons AS "Buttons",
            content_sid AS "ContentSid", forget_conversation_after_send AS "ForgetConversationAfterSend", attempts AS "Attempts",
            created_at AS "CreatedAt", next_attempt_at AS "NextAttemptAt",
            {{ConversationNow}},
            (SELECT COUNT(*) FROM outbox_messages e WHERE e.conversation_id = outbox_messages.conversation_id
                AND e.id <= outbox_messages.id AND e.status IN ('{{Pending}}', '{{Sending}}')) AS "Rank"
        """;

    private const string Pending = OutboxStatuses.Pending;
    private const string Sending = OutboxStatuses.Sending;

    /// <summary>The due rows, now leased to the caller, oldest first. Run it in a write.</summary>
    public static async Task<List<Row>> TakeDueAsync(SafeChatDb db, DateTime now, DateTime lease, CancellationToken cancellation)
    {
        // PostgreSQL's planner still chose bitmap scans for it under load (rare rows, a busy table): not for this take.
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_bitmapscan = off", cancellation);
        var rows = await db.Database.SqlQueryRaw<Row>(TakeDueSql, lease, now, Most)
            .ToListAsync(cancellation);
        rows.Sort((a, b) => a.Id.CompareTo(b.Id));
        return rows;
    }

    /// <summary>
    /// Each conversation's taken rows that are next in line, in order, and the rows to give back: a row whose rank is
    /// not its place among what was taken has one before it that another instance holds (it took that one between this
    /// command's look and its update), so it and what follows wait until that one is done. On one instance every row is
    /// in line.
    /// </summary>
    public static (List<List<Row>> Conversations, List<Row> GiveBack) InLine(IEnumerable<Row> rows)
    {
        var conversations = new List<List<Row>>();
        var giveBack = new List<Row>();
        foreach (var conversation in rows.GroupBy(r => r.ConversationId))
        {
            var inLine = conversation.TakeWhile((row, place) => row.Rank == place + 1).ToList();
            giveBack.AddRange(conversation.Skip(inLine.Count));
            if (inLine.Count > 0) conversations.Add(inLine);
        }
        return (conversations, giveBack);
    }

    /// <summary>A row still held, as it is now: where to send it, and whether the person has sent STOP since.</summary>
    public class Confirmed
    {
        public string? ProtectedAddress { get; set; }
        public bool OptedOut { get; set; }
    }

    /// <summary>{0} the new lease, {1} the row, {2} sending, {3} the lease held.</summary>
    private const string ConfirmSql = $$"""
        UPDATE outbox_messages SET lease_until = {0}
        WHERE id = {1} AND status = {2} AND lease_until = {3}
        RETURNING {{ConversationNow}}
        """;

    /// <summary>
    /// Renews the lease on a row this instance still holds (its lease unchanged) and reads its conversation again; null
    /// when the row is no longer ours (another instance took it after the lease ran out) or no longer there (erased).
    /// </summary>
    public static async Task<Confirmed?> ConfirmAsync(SafeChatDb db, long id, DateTime held, DateTime lease, CancellationToken cancellation) =>
        (await db.Database.SqlQueryRaw<Confirmed>(ConfirmSql, lease, id, OutboxStatuses.Sending, held).ToListAsync(cancellation)) is [var row] ? row : null;

    /// <summary>
    /// Reads a row this instance still holds (its lease unchanged) and its conversation again, without a write: null when
    /// the row is no longer ours or no longer there (erased).
    /// </summary>
    public static async Task<Confirmed?> ReadAgainAsync(SafeChatDb db, long id, DateTime held, CancellationToken cancellation) =>
        (await db.Database.SqlQueryRaw<Confirmed>(ReadAgainSql, id, OutboxStatuses.Sending, held).ToListAsync(cancellation)) is [var row] ? row : null;

    /// <summary>{0} the row, {1} sending, {2} the lease held.</summary>
    private const string ReadAgainSql = $$"""
        SELECT {{ConversationNow}}
        FROM outbox_messages WHERE id = {0} AND status = {1} AND lease_until = {2}
        """;

    /// <summary>Rows taken but not sent go back to waiting; the lease proves a row is still ours.</summary>
    public static async Task GiveBackAsync(SafeChatDb db, IEnumerable<KeyValuePair<long, DateTime>> rows, CancellationToken cancellation)
    {
        foreach (var (id, lease) in rows)
            await db.Outbox.Where(o => o.Id == id && o.Status == OutboxStatuses.Sending && o.LeaseUntil == lease)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatuses.Pending), cancellation);
    }
}
