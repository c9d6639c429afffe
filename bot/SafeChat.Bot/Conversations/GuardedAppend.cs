using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SafeChat.Bot.Storage;

namespace SafeChat.Bot.Conversations;

/// <summary>
/// Appends to a conversation's log in one command when the caller knows where the log ends (a turn from the row it just
/// read, a post from <see cref="KnownConversations"/>): the conversation's counters are set, guarded by that knowledge,
/// and the rows inserted in the same round trip, where <see cref="ActivityLog.AppendAsync"/> needs four (increment, read
/// back, timestamp, insert). The guarded UPDATE stays the judge: when the log moved on, or another process claimed the
/// turn, it changes nothing and the caller rolls back (as it does when a text channel's message was delivered before).
/// The turn's outbox rows (its SMS or WhatsApp parts) ride in the same command too.
/// In a transaction: plain SQL that SQLite and PostgreSQL both read, judged by its count. Outside one (PostgreSQL, through
/// <see cref="SafeChatDbFactory.WriteAloneAsync{T}"/>): one statement that undoes itself, so no COMMIT follows it.
/// </summary>
public static class GuardedAppend
{
    /// <summary>A turn taking effect: the state it read (its version), the state it leaves, and the inbound it answered.</summary>
    public sealed record Claim(int StateVersion, string NewState, long ProcessedSeq);

    /// <summary>A stored activity's JSON replaced in the same command (a turn scrubs the message it read).</summary>
    public sealed record Rewrite(long Seq, string Json);

    /// <summary>A message from a text channel takes its delivery's receipt (a second delivery inserts none, and nothing is
    /// kept), and notes on the conversation where to answer, when the person last wrote (the
    /// WhatsApp window) and a STOP or START (null: neither).</summary>
    public sealed record Arrival(string DeliveryId, string ProtectedAddress, DateTime At, bool? OptOut);

    /// <summary>The conversation's row, inserted in the same command; when it exists already (a client starting again
    /// with the same token) nothing is inserted, the count falls short and nothing is kept.</summary>
    public sealed record Opening(string Channel, string UserId);

    /// <summary>What the append wrote: where the log ends now, and the rows as stored.</summary>
    public sealed record Appended(ActivityLog.Counters End, IReadOnlyList<ActivityRecord> Rows);

    /// <summary>What was written, or null when the guard did not hold: roll back.</summary>
    public static async Task<Appended?> AppendAsync(SafeChatDb db, string conversationId, IReadOnlyList<ActivityLog.Entry> entries,
        DateTime now, ActivityLog.Counters known, CancellationToken cancellation, Claim? claim = null, Rewrite? rewrite = null, Arrival? arrival = null,
        Opening? opening = null, IReadOnlyList<IOutboxRow>? outboxRows = null)
    {
        outboxRows ??= [];
        var values = new List<object> { conversationId };
        string Value(object value)
        {
            values.Add(value);
            return $"{{{values.Count - 1}}}";
        }

        var sets = new List<string>();
        var guards = new List<string> { "id = {0}" };
        var after = known;
        var timestamp = known.Next(now);
        if (entries.Count > 0)
        {
            after = new ActivityLog.Counters(known.LastSeq + entries.Count, timestamp.AddMilliseconds(entries.Count - 1));
            sets.Add($"last_seq = {Value(after.LastSeq)}");
            sets.Add($"last_activity_at = {Value(after.LastActivityAt)}");
            // The person's last message, not the log's end: a message stored with the turn that answers it comes before the replies.
            if (LastFromUser(entries) is var inbound and >= 0) sets.Add($"last_inbound_seq = {Value(known.LastSeq + 1 + inbound)}");
            guards.Add($"last_seq = {Value(known.LastSeq)}");
        }
        if (claim is not null)
        {
            sets.Add($"state_json = {Value(claim.NewState)}");
            sets.Add($"state_version = {Value(claim.StateVersion + 1)}");
            sets.Add($"last_processed_seq = {Value(claim.ProcessedSeq)}");
            guards.Add($"state_version = {Value(claim.StateVersion)}");
        }
        if (arrival is not null)
        {
            sets.Add($"channel_address_protected = {Value(arrival.ProtectedAddress)}");
            sets.Add($"last_user_message_at = {Value(arrival.At)}");
            if (arrival.OptOut is { } optOut) sets.Add($"opted_out = {Value(optOut)}");
        }
        if (sets.Count == 0 && rewrite is null && outboxRows.Count == 0) return new Appended(known, []);

        var rows = ActivityLog.Stamp(conversationId, entries, known.LastSeq + 1, timestamp);
        if (db.Database.CurrentTransaction is null)
        {
            if (opening is not null) throw new InvalidOperationException("A conversation's first append runs in a transaction.");
            if (sets.Count == 0) sets.Add("last_seq = last_seq"); // the statement hangs on the conversation's row: lock it
            return await RunOneStatementAsync(db, OneStatement(db, sets, guards, rows, rewrite, arrival, outboxRows, Value), values, cancellation)
                ? new Appended(after, rows)
                : null;
        }

        var sql = new StringBuilder();
        if (opening is not null)
            sql.Append("INSERT INTO conversations (id, channel, user_id, created_at, last_activity_at, state_json, state_version, last_seq, ")
                .Append("last_inbound_seq, last_processed_seq, opted_out) ")
                .Append($"VALUES ({{0}}, {Value(opening.Channel)}, {Value(opening.UserId)}, {Value(now)}, {Value(now)}, {Value("{}")}, 0, 0, 0, 0, {Value(false)}) ")
                .Append("ON CONFLICT (id) DO NOTHING;\n");
        if (arrival is not null)
            sql.Append(InboundReceipt.Insert(Value(arrival.DeliveryId), Value(arrival.At))).Append(";\n");
        if (sets.Count > 0) sql.Append($"UPDATE conversations SET {string.Join(", ", sets)} WHERE {string.Join(" AND ", guards)};\n");
        foreach (var row in rows)
            sql.Append(ActivityInsert(row, Value, from: null))
                // A row someone else stored first (the log moved on since this instance last wrote to it, a client's id sent
                // again, a conversation that existed already): the count falls short and the caller rolls back, with no error
                // from this command. No conflict target, so both unique indexes (seq, client id) count; a unique index added
                // later would send every such append to the slow path without a word.
                .Append(" ON CONFLICT DO NOTHING;\n");
        if (rewrite is not null) sql.Append($"UPDATE conversation_activities SET json = {Value(rewrite.Json)} WHERE conversation_id = {{0}} AND seq = {Value(rewrite.Seq)};\n");
        foreach (var row in outboxRows) sql.Append(RowInserts.Insert(db, row, Value)).Append(";\n");

        // Every statement changes one row when the guard holds; a count short of that means it did not, the receipt was
        // there already (a second delivery), or a row was stored first.
        var expected = (opening is null ? 0 : 1) + (arrival is null ? 0 : 1) + (sets.Count > 0 ? 1 : 0) + entries.Count + (rewrite is null ? 0 : 1)
                       + outboxRows.Count;
        try
        {
            return await db.Database.ExecuteSqlRawAsync(sql.ToString(), values, cancellation) == expected ? new Appended(after, rows) : null;
        }
        catch (DbException error) when (ConstraintViolation.Is(error))
        {
            return null; // such as a foreign key: the conversation was erased meanwhile
        }
    }

    private static int LastFromUser(IReadOnlyList<ActivityLog.Entry> entries)
    {
        for (var i = entries.Count - 1; i >= 0; i--)
            if (entries[i].FromUser) return i;
        return -1;
    }

    private static string ActivityInsert(ActivityRecord row, Func<object, string> value, string? from) =>
        "INSERT INTO conversation_activities (conversation_id, seq, activity_id, type, from_user, visible_to_client, client_activity_id, json, created_at) " +
        (from is null ? "VALUES (" : "SELECT ") +
        $"{{0}}, {value(row.Seq)}, {value(row.ActivityId)}, {value(row.Type)}, {value(row.FromUser)}, {value(row.VisibleToClient)}, " +
        $"{(row.ClientActivityId is { } clientId ? value(clientId) : "NULL")}, {value(row.Json)}, {value(row.CreatedAt)}" +
        (from is null ? ")" : $" FROM {from}");

    /// <summary>The name the one statement gives the guarded update of the conversation's row; every other part reads it.</summary>
    private const string Guarded = "guarded";

    /// <summary>Marks the error by which the one statement undoes itself, in the server's log as in the exception.</summary>
    private const string UndoMark = "SafeChat guarded append undone";

    /// <summary>
    /// The append as one PostgreSQL statement, for a write outside a transaction: the server commits it by itself, so it must
    /// undo itself when it is not to be kept. Every part hangs on the guarded update of the conversation's row (it inserts
    /// from that update's RETURNING), so when the guard does not hold nothing is written and the statement answers 0, with
    /// no error: that is the common case (the log moved on), and an error would be a line in the server's log each time. A
    /// second delivery and a client's id sent again are guards too, for the same reason. Only a race those guards cannot
    /// see (a copy stored beside this one, not yet committed when the statement began) leaves a part short after the update
    /// held; then the statement fails on purpose and the server undoes all of it.
    /// </summary>
    private static string OneStatement(SafeChatDb db, List<string> sets, List<string> guards, IReadOnlyList<ActivityRecord> rows,
        Rewrite? rewrite, Arrival? arrival, IReadOnlyList<IOutboxRow> outboxRows, Func<object, string> value)
    {
        if (arrival is not null) guards.Add($"NOT {InboundReceipt.Taken(value(arrival.DeliveryId))}");
        foreach (var row in rows.Where(r => r.ClientActivityId is not null))
            guards.Add($"NOT EXISTS (SELECT 1 FROM conversation_activities WHERE conversation_id = {{0}} AND client_activity_id = {value(row.ClientActivityId!)})");
        var parts = new List<string>();
        var sql = new StringBuilder($"WITH {Guarded} AS (UPDATE conversations SET {string.Join(", ", sets)} WHERE {string.Join(" AND ", guards)} RETURNING 1)");
        void Part(string statement)
        {
            var name = $"part{parts.Count}";
            parts.Add(name);
            sql.Append($",\n{name} AS ({statement} RETURNING 1)");
        }
        if (arrival is not null) Part(InboundReceipt.InsertFrom(value(arrival.DeliveryId), value(arrival.At), Guarded));
        foreach (var row in rows) Part(ActivityInsert(row, value, from: Guarded) + " ON CONFLICT DO NOTHING");
        if (rewrite is not null)
            Part($"UPDATE conversation_activities SET json = {value(rewrite.Json)} WHERE conversation_id = {{0}} AND seq = {value(rewrite.Seq)} AND EXISTS (SELECT 1 FROM {Guarded})");
        foreach (var row in outboxRows) Part(RowInserts.Insert(db, row, value, from: Guarded));
        var kept = parts.Count == 0 ? "0" : $"(SELECT count(*) FROM ({string.Join(" UNION ALL ", parts.Select(p => $"SELECT 1 FROM {p}"))}) AS kept)";
        // Not a constant: PostgreSQL would fold a failing constant when it plans the statement, whichever way the CASE goes.
        sql.Append($"\nSELECT CASE WHEN NOT EXISTS (SELECT 1 FROM {Guarded}) THEN 0 WHEN {kept} = {parts.Count} THEN 1 ")
            .Append($"ELSE CAST('{UndoMark}: ' || {kept} || ' of {parts.Count} parts' AS integer) END AS \"Value\"");
        return sql.ToString();
    }

    /// <summary>Runs the one statement: true when it was kept, false when a guard did not hold or it undid itself.</summary>
    private static async Task<bool> RunOneStatementAsync(SafeChatDb db, string sql, List<object> values, CancellationToken cancellation)
    {
        try
        {
            return Convert.ToInt32(await DirectCommand.ScalarAsync(db, sql, values, cancellation)) == 1;
        }
        catch (DbException error) when (ConstraintViolation.Is(error) || Deadlock.Is(error) || Undone(error))
        {
            // The server undid the statement: a copy stored beside it, the conversation erased meanwhile (a foreign key),
            // or a deadlock with a copy of the same delivery that the store reading the log took in (it was the victim).
            return false;
        }
    }

    private static bool Undone(DbException error) =>
        error.SqlState == InvalidTextRepresentation && error.Message.Contains(UndoMark, StringComparison.Ordinal);

    /// <summary>What PostgreSQL says of the cast the statement fails with on purpose.</summary>
    private const string InvalidTextRepresentation = "22P02";
}
