using Microsoft.EntityFrameworkCore;
using SafeChat.Bot.Reports;
using SafeChat.Bot.Storage;

namespace SafeChat.Bot.Channels.Twilio;

/// <summary>
/// Sends what the outbox holds, oldest first per conversation. A row is claimed with a conditional update (a
/// lease), so across instances each message goes out once; a failed lease expires and the row is tried again.
/// Transient failures back off; permanent ones (21610 unsubscribed, 21614 not a mobile, 63016 outside the window…)
/// are recorded, not retried.
/// </summary>
public sealed class OutboxDispatcher(SafeChatDbFactory databases, TwilioMessagesClient twilio, WhatsAppContents contents, Outbox outbox,
    TwilioOptions options, ContactProtector protector, OutboxSignal signal, TimeProvider clock, Observability.SafeChatTelemetry telemetry, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    public static readonly TimeSpan Sweep = TimeSpan.FromSeconds(2);
    /// <summary>Longer than a send can take (TwilioSetup.TotalSendTimeout), so a live sender never loses its row.</summary>
    private static readonly TimeSpan Lease = TwilioSetup.TotalSendTimeout + TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        if (!options.Enabled) return;
        while (!stopping.IsCancellationRequested)
        {
            try { await DispatchDueAsync(stopping); }
            catch (Exception error) when (!stopping.IsCancellationRequested) { logger.LogWarning(error, "Outbox run failed; will retry"); }
            await signal.WaitAsync(Sweep, stopping);
        }
    }

    /// <summary>Rows this instance claimed but could not send (the database went away in between), with their lease.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, DateTime> _unsentLeases = new();

    public async Task DispatchDueAsync(CancellationToken cancellation)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = databases.Create();
        foreach (var (id, lease) in _unsentLeases)
        {
            // The lease value proves the row is still ours: nobody else has taken it since.
            await WriteAsync((writer, token) => writer.Outbox.Where(o => o.Id == id && o.Status == OutboxStatuses.Sending && o.LeaseUntil == lease)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatuses.Pending), token), cancellation);
            _unsentLeases.TryRemove(id, out _);
        }
        // Due, and first in its conversation: a message waiting out a retry, or in flight elsewhere, holds back the ones
        // after it. (Held messages do not: the template that asks the person to write back comes after them.)
        var due = await db.Outbox.AsNoTracking()
            .Where(o => (o.Status == OutboxStatuses.Pending && o.NextAttemptAt <= now) || (o.Status == OutboxStatuses.Sending && o.LeaseUntil < now))
            .Where(o => !db.Outbox.Any(e => e.ConversationId == o.ConversationId && e.Id < o.Id
                                            && (e.Status == OutboxStatuses.Pending || e.Status == OutboxStatuses.Sending)
                                            && !((e.Status == OutboxStatuses.Pending && e.NextAttemptAt <= now) || (e.Status == OutboxStatuses.Sending && e.LeaseUntil < now))))
            .OrderBy(o => o.Id).Select(o => new { o.Id, o.ConversationId }).Take(500).ToListAsync(cancellation);
        // Conversations go out side by side, and a run does not wait for them: a send waits on Twilio's API for a tenth
        // of a second or more (seconds when it is slow), and one at a time put everybody's replies behind everybody
        // else's. Within a conversation one after the other, in order: a conversation still being sent is left to its
        // sender, which looks again when it is done.
        foreach (var conversation in due.GroupBy(o => o.ConversationId))
        {
            var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!_sending.TryAdd(conversation.Key, sent.Task)) continue;
            var ids = conversation.Select(o => o.Id).ToList();
            _ = Task.Run(async () =>
            {
                try { await SendConversationAsync(conversation.Key, ids, cancellation); }
                finally { sent.TrySetResult(); }
            }, CancellationToken.None);
        }
    }

    /// <summary>How many conversations' messages are sent at the same time.</summary>
    public const int ConversationsAtOnce = 16;

    private readonly SemaphoreSlim _slots = new(ConversationsAtOnce);

    /// <summary>The conversations being sent now, each with its sender's end.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task> _sending = new();

    /// <summary>A stop waits for the sends under way to end (they are cancelled with it), so none is left writing to a
    /// database that is being closed.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try { await Task.WhenAll(_sending.Values).WaitAsync(cancellationToken); }
        catch (OperationCanceledException) { }
    }

    private async Task SendConversationAsync(string conversationId, IReadOnlyList<long> ids, CancellationToken cancellation)
    {
        try
        {
            await _slots.WaitAsync(cancellation);
            try
            {
                foreach (var id in ids)
                    if (!await SendOneAsync(id, cancellation)) break; // keep a conversation's messages in order
            }
            finally
            {
                _slots.Release();
            }
        }
        catch (Exception error) when (!cancellation.IsCancellationRequested)
        {
            logger.LogWarning(error, "Sending a conversation's messages failed; will retry");
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            _sending.TryRemove(conversationId, out _);
        }
        // What came in for this conversation while it was being sent was skipped by the runs in between.
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await using var db = databases.Create();
            if (await db.Outbox.AnyAsync(o => o.ConversationId == conversationId && o.Status == OutboxStatuses.Pending && o.NextAttemptAt <= now, cancellation))
                signal.Wake();
        }
        catch (Exception) when (!cancellation.IsCancellationRequested)
        {
            // the sweep finds it
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// Each database step of a send is one write through the storage seam: on SQLite it joins the turns' shared commit
    /// (<see cref="GroupCommit"/>) instead of queuing for SQLite's one lock with its own transaction (sixteen senders doing
    /// that starved the turns).
    /// </summary>
    private Task WriteAsync(Func<SafeChatDb, CancellationToken, Task> step, CancellationToken cancellation) =>
        WriteAsync<object>(async (db, token) =>
        {
            await step(db, token);
            return Written;
        }, cancellation);

    private static readonly object Written = new();

    /// <summary>
    /// Where each write has a transaction of its own (PostgreSQL), the senders' steps go one at a time: sixteen of them
    /// side by side took connections from the turns while a thousand people started at once (paced, 1,000: Web Chat p99
    /// 80 ms with the gate, 601 ms without).
    /// </summary>
    private async Task<T?> WriteAsync<T>(Func<SafeChatDb, CancellationToken, Task<T?>> step, CancellationToken cancellation) where T : class
    {
        if (databases.GroupCommit is not null) return await databases.WriteAsync(step, cancellation);
        await _oneAtATime.WaitAsync(cancellation);
        try { return await databases.WriteAsync(step, cancellation); }
        finally { _oneAtATime.Release(); }
    }

    private readonly SemaphoreSlim _oneAtATime = new(1);

    private async Task<bool> SendOneAsync(long id, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lease = WholeMilliseconds(now + Lease); // compared for equality later; both databases keep milliseconds
        var leaseHeld = System.Diagnostics.Stopwatch.StartNew(); // from before the claim: it may wait for the writer
        var claim = await WriteAsync((db, token) => ClaimAsync(db, id, now, lease, token), cancellation);
        if (claim!.Message is not { } message) return claim.GoOn;
        string address;
        string? contentSid;
        try
        {
            address = protector.Unprotect(claim.ProtectedAddress!);
            contentSid = message.ContentSid ?? (message.Buttons is { } buttons ? await contents.SidForAsync(message.Body, buttons, cancellation) : null);
        }
        catch
        {
            // Nothing went to Twilio yet: give the row back at the next run instead of letting it wait out the lease.
            _unsentLeases[id] = lease;
            throw;
        }
        var result = await twilio.SendAsync(address, message.Body, contentSid, StatusCallbackUrl(), cancellation);
        telemetry.TwilioCall(result.Accepted ? "accepted" : result.Transient ? "transient" : "refused");
        // Twilio has answered: that is recorded even while the host stops (a stop cancelling it would leave the row
        // "sending" until its lease ran out, and an accepted message would go out twice).
        return await RecordAsync(message, result, now, leaseHeld, CancellationToken.None);
    }

    /// <summary>A claimed row and its conversation's protected address; no row: whether to go on with the conversation.</summary>
    private sealed record Claim(OutboxRecord? Message, string? ProtectedAddress, bool GoOn);

    /// <summary>
    /// Claims the row (a lease) and reads what sending it needs, in one command (UPDATE … RETURNING, which SQLite and
    /// PostgreSQL both read) and one write: a failure leaves no lease behind.
    /// </summary>
    private static async Task<Claim?> ClaimAsync(SafeChatDb db, long id, DateTime now, DateTime lease, CancellationToken cancellation)
    {
        var claimed = await db.Database.SqlQueryRaw<ClaimedRow>(ClaimSql,
            OutboxStatuses.Sending, lease, id, OutboxStatuses.Pending, now).ToListAsync(cancellation);
        if (claimed is not [var row]) return new Claim(null, null, GoOn: false); // another instance has it
        if (row.OptedOut || row.ProtectedAddress is null)
        {
            await Finish(db, id, OutboxStatuses.Suppressed, null, null, cancellation);
            return new Claim(null, null, GoOn: true);
        }
        var message = new OutboxRecord
        {
            Id = row.Id, ConversationId = row.ConversationId, Channel = row.Channel, Body = row.Body, Buttons = row.Buttons,
            ContentSid = row.ContentSid, ForgetConversationAfterSend = row.ForgetConversationAfterSend, Attempts = row.Attempts,
            CreatedAt = row.CreatedAt, Status = OutboxStatuses.Sending, NextAttemptAt = row.NextAttemptAt, LeaseUntil = lease,
        };
        return new Claim(message, row.ProtectedAddress, GoOn: true);
    }

    /// <summary>Due (pending and its time come), or sending with a lease run out (its sender died).</summary>
    private const string ClaimSql = """
        UPDATE outbox_messages SET status = {0}, lease_until = {1}
        WHERE id = {2} AND ((status = {3} AND next_attempt_at <= {4}) OR (status = {0} AND lease_until < {4}))
        RETURNING id AS "Id", conversation_id AS "ConversationId", channel AS "Channel", body AS "Body", buttons AS "Buttons",
            content_sid AS "ContentSid", forget_conversation_after_send AS "ForgetConversationAfterSend", attempts AS "Attempts",
            created_at AS "CreatedAt", next_attempt_at AS "NextAttemptAt",
            (SELECT c.channel_address_protected FROM conversations c WHERE c.id = outbox_messages.conversation_id) AS "ProtectedAddress",
            COALESCE((SELECT c.opted_out FROM conversations c WHERE c.id = outbox_messages.conversation_id), TRUE) AS "OptedOut"
        """;

    /// <summary>A claimed row as <see cref="ClaimSql"/> returns it.</summary>
    private sealed class ClaimedRow
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
    }

    /// <summary>Records what Twilio answered; whether the conversation's next message may go.</summary>
    private async Task<bool> RecordAsync(OutboxRecord message, SendResult result, DateTime now,
        System.Diagnostics.Stopwatch leaseHeld, CancellationToken cancellation)
    {
        var id = message.Id;
        if (result.Accepted)
        {
            telemetry.OutboxSent(message.Channel, now - message.CreatedAt);
            await RecordSentAsync(message, result.Sid, leaseHeld, cancellation);
            return true;
        }
        if (result.ErrorCode == OutsideWindow && message.ContentSid is null)
        {
            // The 24-hour window closed: hold this and what follows, and ask the person to write back.
            await WriteAsync(async (db, token) =>
            {
                await db.Outbox.Where(o => o.ConversationId == message.ConversationId && o.Id >= id && (o.Status == OutboxStatuses.Pending || o.Id == id))
                    .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatuses.Held), token);
                outbox.AddWindowTemplate(db, message.ConversationId, now);
                await db.SaveChangesAsync(token);
            }, cancellation);
            return true;
        }
        if (!result.Transient)
        {
            logger.LogWarning("Message {Id} refused by Twilio with error {Code}", id, result.ErrorCode);
            telemetry.OutboxFailed(message.Channel);
            await WriteAsync((db, token) => Finish(db, id, OutboxStatuses.Failed, null, result.ErrorCode, token), cancellation);
            return true;
        }
        var attempts = message.Attempts + 1;
        var retryAt = now + TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, attempts)));
        await WriteAsync((db, token) => db.Outbox.Where(o => o.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.Status, OutboxStatuses.Pending).SetProperty(o => o.Attempts, attempts)
            .SetProperty(o => o.NextAttemptAt, retryAt).SetProperty(o => o.ErrorCode, result.ErrorCode), token), cancellation);
        return false;
    }

    /// <summary>
    /// Twilio has the message; failing to note that during a database blip would let the lease run out and the message
    /// go out twice. So keep trying while the lease is still ours. Then a conversation to be forgotten after its last
    /// message is deleted, in its own write (the sent mark is kept if that fails) but retried the same way.
    /// </summary>
    private async Task RecordSentAsync(OutboxRecord message, string? sid, System.Diagnostics.Stopwatch leaseHeld, CancellationToken cancellation)
    {
        var recorded = false;
        while (true)
        {
            try
            {
                if (!recorded) await WriteAsync((db, token) => Finish(db, message.Id, OutboxStatuses.Sent, sid, null, token), cancellation);
                recorded = true;
                if (message.ForgetConversationAfterSend)
                    await WriteAsync(async (db, token) =>
                    {
                        if (!await db.Outbox.AnyAsync(o => o.ConversationId == message.ConversationId && o.Id > message.Id, token))
                            await db.Conversations.Where(c => c.Id == message.ConversationId).ExecuteDeleteAsync(token);
                    }, cancellation);
                return;
            }
            catch (Exception error) when (DatabaseOutage.IsOutage(error) && leaseHeld.Elapsed < Lease - TimeSpan.FromSeconds(5))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellation);
            }
        }
    }

    private static DateTime WholeMilliseconds(DateTime time) => new(time.Ticks - time.Ticks % TimeSpan.TicksPerMillisecond, time.Kind);

    /// <summary>Twilio's "outside the WhatsApp 24-hour window" (WhatsApp 470).</summary>
    public const int OutsideWindow = 63016;

    private static Task Finish(SafeChatDb db, long id, string status, string? sid, int? error, CancellationToken cancellation) =>
        db.Outbox.Where(o => o.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.Status, status).SetProperty(o => o.TwilioSid, sid).SetProperty(o => o.ErrorCode, error)
            .SetProperty(o => o.Attempts, o => o.Attempts + 1), cancellation);

    private string? StatusCallbackUrl() => options.PublicBaseUrl is { } origin ? origin.TrimEnd('/') + TwilioWebhooks.StatusPath : null;
}
