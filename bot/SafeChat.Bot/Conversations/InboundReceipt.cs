using Microsoft.EntityFrameworkCore;
using SafeChat.Bot.Storage;

namespace SafeChat.Bot.Conversations;

/// <summary>
/// The receipt that recognises a second delivery of one message (Twilio retries a webhook it did not see answered).
/// Taken in one command that SQLite and PostgreSQL both read: a copy inserts nothing, even when the first is in the same
/// shared commit or, on PostgreSQL, in a transaction beside it (the insert waits for that one to end).
/// </summary>
public static class InboundReceipt
{
    /// <summary>True for the first delivery; false for a copy. In the caller's transaction.</summary>
    public static async Task<bool> TakeAsync(SafeChatDb db, string deliveryId, DateTime now, CancellationToken cancellation) =>
        await db.Database.ExecuteSqlRawAsync(Insert("{0}", "{1}"), [deliveryId, now], cancellation) == 1;

    /// <summary>The statement, with the placeholders of the delivery id and the time (one row inserted, or none).</summary>
    public static string Insert(string deliveryId, string receivedAt) =>
        $"INSERT INTO inbound_receipts (message_sid, received_at) VALUES ({deliveryId}, {receivedAt}) ON CONFLICT (message_sid) DO NOTHING";

    /// <summary>As <see cref="Insert"/>, once for each row of <paramref name="from"/> (a guarded update's RETURNING).</summary>
    public static string InsertFrom(string deliveryId, string receivedAt, string from) =>
        $"INSERT INTO inbound_receipts (message_sid, received_at) SELECT {deliveryId}, {receivedAt} FROM {from} ON CONFLICT (message_sid) DO NOTHING";

    /// <summary>A condition: the delivery's receipt was taken already (a second delivery).</summary>
    public static string Taken(string deliveryId) => $"EXISTS (SELECT 1 FROM inbound_receipts WHERE message_sid = {deliveryId})";
}
