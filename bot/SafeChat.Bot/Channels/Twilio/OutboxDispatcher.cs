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
            await db.Outbox.Where(o => o.Id == id && o.Status == OutboxStatuses.Sending && o.LeaseUntil == lease)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatuses.Pending), cancellation);
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
                await using var db = databases.Create();
                foreach (var id in ids)
                    if (!await SendOneAsync(db, id, cancellation)) break; // keep a conversation's messages in order
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
    /// One database step of the dispatcher at a time: its senders run side by side for Twilio's sake, but SQLite has one
    /// writer, and sixteen senders queuing on its lock starved the turns (paced, 200 conversations: the SMS
    /// acknowledgement's p99 went from 71 ms to 1.2 s before this gate).
    /// </summary>
    private readonly SemaphoreSlim _database = new(1);

    private async Task<T> OneAtATime<T>(Func<Task<T>> step, CancellationToken cancellation)
    {
        await _database.WaitAsync(cancellation);
        try { return await step(); }
        finally { _database.Release(); }
    }

    private sealed record Claimed(OutboxRecord Message, string Address, string? ContentSid);

    private async Task<bool> SendOneAsync(SafeChatDb db, long id, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (claimed, done) = await OneAtATime(() => ClaimAsync(db, id, now, cancellation), cancellation);
        if (claimed is null) return done;
        var leaseHeld = System.Diagnostics.Stopwatch.StartNew();
        var message = claimed.Message;
        var result = await twilio.SendAsync(claimed.Address, message.Body, claimed.ContentSid, StatusCallbackUrl(), cancellation);
        telemetry.TwilioCall(result.Accepted ? "accepted" : result.Transient ? "transient" : "refused");
        return await OneAtATime(() => RecordAsync(db, message, result, now, leaseHeld, cancellation), cancellation);
    }

    /// <summary>Claims the row (a lease) and reads what sending it needs; no claim: whether to go on with the conversation.</summary>
    private async Task<(Claimed? Claimed, bool GoOn)> ClaimAsync(SafeChatDb db, long id, DateTime now, CancellationToken cancellation)
    {
        var lease = WholeMilliseconds(now + Lease); // compared for equality later; both databases keep milliseconds
        var claimed = await db.Outbox
            .Where(o => o.Id == id && ((o.Status == OutboxStatuses.Pending && o.NextAttemptAt <= now) || (o.Status == OutboxStatuses.Sending && o.LeaseUntil < now)))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatuses.Sending).SetProperty(o => o.LeaseUntil, lease), cancellation);
        if (claimed == 0) return (null, false); // another instance has it
        try
        {
            var message = await db.Outbox.AsNoTracking().SingleAsync(o => o.Id == id, cancellation);
            var conversation = await db.Conversations.AsNoTracking()
                .Where(c => c.Id == message.ConversationId).Select(c => new { c.ChannelAddressProtected, c.OptedOut }).SingleAsync(cancellation);
            if (conversation.OptedOut || conversation.ChannelAddressProtected is null)
            {
                await Finish(db, id, OutboxStatuses.Suppressed, null, null, cancellation);
                return (null, true);
            }
            var contentSid = message.ContentSid ?? (message.Buttons is { } buttons ? await contents.SidForAsync(message.Body, buttons, cancellation) : null);
            return (new Claimed(message, protector.Unprotect(conversation.ChannelAddressProtected), contentSid), true);
        }
        catch
        {
            // Nothing went to Twilio yet: give the row back at the next run instead of letting it wait out the lease.
            _unsentLeases[id] = lease;
            throw;
        }
    }

    /// <summary>Records what Twilio answered; whether the conversation's next message may go.</summary>
    private async Task<bool> RecordAsync(SafeChatDb db, OutboxRecord message, SendResult result, DateTime now,
        System.Diagnostics.Stopwatch leaseHeld, CancellationToken cancellation)
    {
        var id = message.Id;
        if (result.Accepted)
        {
            telemetry.OutboxSent(message.Channel, now - message.CreatedAt);
            await RecordSentAsync(db, id, result.Sid, leaseHeld, cancellation);
            if (message.ForgetConversationAfterSend && !await db.Outbox.AnyAsync(o => o.ConversationId == message.ConversationId && o.Id > id, cancellation))
                await db.Conversations.Where(c => c.Id == message.ConversationId).ExecuteDeleteAsync(cancellation);
            return true;
        }
        if (result.ErrorCode == OutsideWindow && message.ContentSid is null)
        {
            // The 24-hour window closed: hold this and what follows, and ask the person to write back.
            await db.Outbox.Where(o => o.ConversationId == message.ConversationId && o.Id >= id && (o.Status == OutboxStatuses.Pending || o.Id == id))
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatuses.Held), cancellation);
            outbox.AddWindowTemplate(db, message.ConversationId, now);
            await db.SaveChangesAsync(cancellation);
            return true;
        }
        if (!result.Transient)
        {
            logger.LogWarning("Message {Id} refused by Twilio with error {Code}", id, result.ErrorCode);
            telemetry.OutboxFailed(message.Channel);
            await Finish(db, id, OutboxStatuses.Failed, null, result.ErrorCode, cancellation);
            return true;
        }
        var attempts = message.Attempts + 1;
        var retryAt = now + TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, attempts)));
        await db.Outbox.Where(o => o.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.Status, OutboxStatuses.Pending).SetProperty(o => o.Attempts, attempts)
            .SetProperty(o => o.NextAttemptAt, retryAt).SetProperty(o => o.ErrorCode, result.ErrorCode), cancellation);
        return false;
    }

    /// <summary>
    /// Twilio has the message; failing to note that during a database blip would let the lease run out and the message
    /// go out twice. So keep trying while the lease is still ours.
    /// </summary>
    private static async Task RecordSentAsync(SafeChatDb db, long id, string? sid, System.Diagnostics.Stopwatch leaseHeld, CancellationToken cancellation)
    {
        while (true)
        {
            try
            {
                await Finish(db, id, OutboxStatuses.Sent, sid, null, cancellation);
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
