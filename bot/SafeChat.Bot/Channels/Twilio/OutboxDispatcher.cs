using Microsoft.EntityFrameworkCore;
using SafeChat.Bot.Reports;
using SafeChat.Bot.Storage;

namespace SafeChat.Bot.Channels.Twilio;

/// <summary>
/// Sends what the outbox holds, oldest first per conversation. Each run takes every due row with one conditional update
/// (a lease, <see cref="OutboxClaims"/>), so across instances each message goes out once; a lease that runs out (its
/// sender died) makes the row due again. The rows go to one sender per conversation, which sends them in order and
/// marks each as sent.
/// Transient failures back off; permanent ones (21610 unsubscribed, 21614 not a mobile, 63016 outside the window…)
/// are recorded, not retried.
/// </summary>
public sealed class OutboxDispatcher(SafeChatDbFactory databases, TwilioMessagesClient twilio, WhatsAppContents contents, Outbox outbox,
    TwilioOptions options, ContactProtector protector, OutboxSignal signal, TimeProvider clock, Observability.SafeChatTelemetry telemetry, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    public static readonly TimeSpan Sweep = TimeSpan.FromSeconds(2);
    /// <summary>Longer than a send can take (TwilioSetup.TotalSendTimeout), so a live sender never loses its row.</summary>
    private static readonly TimeSpan LeaseTime = TwilioSetup.TotalSendTimeout + TimeSpan.FromSeconds(15);

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

    /// <summary>Rows this instance took but did not send (a send failed before them, or the database went away), with
    /// their lease: given back at the start of the next run.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, DateTime> _unsentLeases = new();

    /// <summary>Takes at most this often while messages keep coming (<see cref="WriteSpacing"/>).</summary>
    public static readonly TimeSpan TakeSpacing = TimeSpan.FromMilliseconds(20);

    private readonly WriteSpacing _takeSpacing = new(TakeSpacing);

    public async Task DispatchDueAsync(CancellationToken cancellation)
    {
        await _takeSpacing.WaitAsync(cancellation);
        await GiveBackUnsentAsync(cancellation);
        var wakes = signal.Wakes; // a wake after this may be for rows this run does not see
        var now = clock.GetUtcNow().UtcDateTime;
        var lease = new Lease(WholeMilliseconds(now + LeaseTime), System.Diagnostics.Stopwatch.GetTimestamp()); // compared for equality later
        var taken = await WriteAsync<List<OutboxClaims.Row>>(async (db, token) => await OutboxClaims.TakeDueAsync(db, now, lease.Until, token), cancellation);
        var (conversations, notInLine) = OutboxClaims.InLine(taken!);
        // Conversations go out side by side, and a run does not wait for them: a send waits on Twilio's API for a tenth
        // of a second or more (seconds when it is slow), and one at a time put everybody's replies behind everybody
        // else's. Within a conversation one after the other, in order.
        foreach (var rows in conversations) Hand(rows, lease, wakes, cancellation);
        foreach (var row in notInLine) _unsentLeases[row.Id] = lease.Until;
        if (notInLine.Count > 0) await GiveBackUnsentAsync(cancellation);
    }

    private async Task GiveBackUnsentAsync(CancellationToken cancellation)
    {
        if (_unsentLeases.IsEmpty) return;
        var rows = _unsentLeases.ToList();
        await WriteAsync((db, token) => OutboxClaims.GiveBackAsync(db, rows, token), cancellation);
        foreach (var row in rows) _unsentLeases.TryRemove(row);
    }

    /// <summary>A row's lease: until when, and when it was taken (by this process's clock, which no one can set back).</summary>
    private sealed record Lease(DateTime Until, long TakenAt)
    {
        /// <summary>Taken a while ago (waiting for a free sender): what was read with it may have changed.</summary>
        public bool Waited => Held > TimeSpan.FromMilliseconds(200);

        /// <summary>Not enough lease left for a whole send with its retries: renew it before sending.</summary>
        public bool RunningOut => Held > LeaseTime - TwilioSetup.TotalSendTimeout - TimeSpan.FromSeconds(5);

        public TimeSpan Held => System.Diagnostics.Stopwatch.GetElapsedTime(TakenAt);
    }

    private sealed record Taken(OutboxClaims.Row Row, Lease Lease);

    /// <summary>A conversation's rows taken and not sent yet, in order, and the one being sent. Its sender removes it from
    /// <see cref="_queues"/> when it is done, so rows handed later start a new sender.</summary>
    private sealed class ConversationQueue(string conversationId)
    {
        public string ConversationId { get; } = conversationId;
        public SortedList<long, Taken> Rows { get; } = [];
        public long? InFlight { get; set; }

        /// <summary>The conversation as the last sent mark read it back: the next message's read again.</summary>
        public OutboxClaims.Confirmed? AsMarked { get; set; }
    }

    /// <summary>How many conversations' messages are sent at the same time.</summary>
    public const int ConversationsAtOnce = 16;

    private readonly SemaphoreSlim _slots = new(ConversationsAtOnce);
    private readonly Lock _queuesGate = new();
    private readonly Dictionary<string, ConversationQueue> _queues = [];

    /// <summary>The senders at work, each as its end.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Task, bool> _sending = new();

    /// <summary>Gives a conversation's taken rows to its sender here, or starts one. Rows taken again after their lease ran
    /// out replace the ones in the queue (with the new lease).</summary>
    private void Hand(List<OutboxClaims.Row> rows, Lease lease, long wakes, CancellationToken cancellation)
    {
        var conversationId = rows[0].ConversationId;
        ConversationQueue queue;
        lock (_queuesGate)
        {
            var running = _queues.TryGetValue(conversationId, out var existing);
            queue = existing ?? new ConversationQueue(conversationId);
            // A row taken again while it is being sent (its lease ran out mid-send) stays with the send under way.
            foreach (var row in rows.Where(r => r.Id != queue.InFlight)) queue.Rows[row.Id] = new Taken(row, lease);
            if (running) return;
            _queues[conversationId] = queue;
        }
        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _sending[sent.Task] = true;
        _ = Task.Run(async () =>
        {
            try { await SendConversationAsync(queue, wakes, cancellation); }
            finally
            {
                _sending.TryRemove(sent.Task, out _);
                sent.TrySetResult();
            }
        }, CancellationToken.None);
    }

    /// <summary>The queue's next row; none: the queue is closed (a row handed later starts a new sender).</summary>
    private Taken? Next(ConversationQueue queue)
    {
        lock (_queuesGate)
        {
            queue.InFlight = null;
            if (queue.Rows.Count > 0)
            {
                var next = queue.Rows.Values[0];
                queue.Rows.RemoveAt(0);
                queue.InFlight = next.Row.Id;
                return next;
            }
            Close(queue);
            return null;
        }
    }

    /// <summary>Closes the queue and returns what it still held.</summary>
    private List<Taken> Rest(ConversationQueue queue)
    {
        lock (_queuesGate)
        {
            var rest = queue.Rows.Values.ToList();
            queue.Rows.Clear();
            Close(queue);
            return rest;
        }
    }

    private void Close(ConversationQueue queue)
    {
        if (_queues.TryGetValue(queue.ConversationId, out var current) && current == queue) _queues.Remove(queue.ConversationId);
    }

    /// <summary>A stop waits for the sends under way to end (they are cancelled with it), so none is left writing to a
    /// database that is being closed.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await Task.WhenAll(_sending.Keys).WaitAsync(cancellationToken);
            // What this instance took and did not send goes back now, not when its lease runs out: another instance, or
            // this one after a restart, sends it.
            await GiveBackUnsentAsync(cancellationToken);
        }
        catch (OperationCanceledException) { }
        catch (Exception error) { logger.LogWarning(error, "Giving back unsent outbox rows at stop failed; their leases will run out"); }
    }

    private async Task SendConversationAsync(ConversationQueue queue, long wakes, CancellationToken cancellation)
    {
        var slot = false;
        try
        {
            await _slots.WaitAsync(cancellation);
            slot = true;
            var first = true;
            while (Next(queue) is { } taken)
            {
                // keep a conversation's messages in order
                if (!await SendOneAsync(queue, taken, readAgain: !first || taken.Lease.Waited, cancellation)) break;
                first = false;
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
            if (slot) _slots.Release();
            // What was taken and not sent goes back; the rows behind a failed one wait for it.
            foreach (var rest in Rest(queue)) _unsentLeases[rest.Row.Id] = rest.Lease.Until;
        }
        // A message for this conversation that came while its rows were in flight waited behind them, and the runs in
        // between left it: look again, if anything woke the dispatcher since these rows were taken.
        if (signal.Wakes != wakes) signal.Wake();
    }

    private readonly OutboxWrites _writes = new(databases);

    private Task WriteAsync(Func<SafeChatDb, CancellationToken, Task> step, CancellationToken cancellation) => _writes.RunAsync(step, cancellation);

    private Task<T?> WriteAsync<T>(Func<SafeChatDb, CancellationToken, Task<T?>> step, CancellationToken cancellation) where T : class =>
        _writes.RunAsync(step, cancellation);

    /// <summary>Sends one taken row; whether the conversation's next message may go.</summary>
    /// <param name="readAgain">The row waited (behind another send, or for a free sender) since it was taken.</param>
    private async Task<bool> SendOneAsync(ConversationQueue queue, Taken taken, bool readAgain, CancellationToken cancellation)
    {
        var (row, lease) = (taken.Row, taken.Lease);
        var (protectedAddress, optedOut) = (row.ProtectedAddress, row.OptedOut);
        var message = new OutboxRecord
        {
            Id = row.Id, ConversationId = row.ConversationId, Channel = row.Channel, Body = row.Body, Buttons = row.Buttons,
            ContentSid = row.ContentSid, ForgetConversationAfterSend = row.ForgetConversationAfterSend, Attempts = row.Attempts,
            CreatedAt = row.CreatedAt, Status = OutboxStatuses.Sending, NextAttemptAt = row.NextAttemptAt,
        };
        string address;
        string? contentSid;
        try
        {
            if (readAgain)
            {
                // The person may have sent STOP or had their data erased since it was taken: read it again. A read, not a
                // write (those go one at a time on PostgreSQL), unless the lease must be renewed too.
                OutboxClaims.Confirmed? now;
                if (queue.AsMarked is { } asMarked && !lease.RunningOut)
                    now = asMarked; // read with the mark of the message before, just now
                else if (lease.RunningOut)
                {
                    var renewed = new Lease(WholeMilliseconds(clock.GetUtcNow().UtcDateTime + LeaseTime), System.Diagnostics.Stopwatch.GetTimestamp());
                    now = await WriteAsync<OutboxClaims.Confirmed>(async (db, token) =>
                        await OutboxClaims.ConfirmAsync(db, row.Id, lease.Until, renewed.Until, token), cancellation);
                    lease = renewed;
                }
                else
                {
                    await using var db = databases.Create();
                    now = await OutboxClaims.ReadAgainAsync(db, row.Id, lease.Until, cancellation);
                }
                queue.AsMarked = null;
                if (now is null) return false; // another instance took it, or it was erased
                (protectedAddress, optedOut) = (now.ProtectedAddress, now.OptedOut);
            }
            if (optedOut || protectedAddress is null)
            {
                await WriteAsync((db, token) => Finish(db, row.Id, OutboxStatuses.Suppressed, null, null, token), cancellation);
                return true;
            }
            address = protector.Unprotect(protectedAddress);
            contentSid = message.ContentSid ?? (message.Buttons is { } buttons ? await contents.SidForAsync(message.Body, buttons, cancellation) : null);
        }
        catch
        {
            // Nothing went to Twilio yet: give the row back at the next run instead of letting it wait out the lease.
            _unsentLeases[row.Id] = lease.Until;
            throw;
        }
        message.LeaseUntil = lease.Until;
        var sentAt = clock.GetUtcNow().UtcDateTime;
        var result = await twilio.SendAsync(address, message.Body, contentSid, StatusCallbackUrl(), cancellation);
        telemetry.TwilioCall(result.Accepted ? "accepted" : result.Transient ? "transient" : "refused");
        // Twilio has answered: that is recorded even while the host stops (a stop cancelling it would leave the row
        // "sending" until its lease ran out, and an accepted message would go out twice).
        return await RecordAsync(queue, message, result, sentAt, lease, CancellationToken.None);
    }

    /// <summary>Records what Twilio answered; whether the conversation's next message may go.</summary>
    private async Task<bool> RecordAsync(ConversationQueue queue, OutboxRecord message, SendResult result, DateTime now, Lease lease,
        CancellationToken cancellation)
    {
        var id = message.Id;
        if (result.Accepted)
        {
            telemetry.OutboxSent(message.Channel, now - message.CreatedAt);
            queue.AsMarked = await RecordSentAsync(message, result.Sid, lease, cancellation);
            return queue.AsMarked is not null; // null: the conversation was erased meanwhile
        }
        if (result.ErrorCode == OutsideWindow && message.ContentSid is null)
        {
            // The 24-hour window closed: hold this and what follows (with what this sender took), and ask the person to
            // write back.
            var taken = Rest(queue);
            var ours = taken.Select(t => t.Row.Id).ToList();
            try
            {
                await WriteAsync(async (db, token) =>
                {
                    await db.Outbox.Where(o => o.ConversationId == message.ConversationId && o.Id >= id
                                               && (o.Status == OutboxStatuses.Pending || o.Id == id || ours.Contains(o.Id)))
                        .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatuses.Held), token);
                    outbox.AddWindowTemplate(db, message.ConversationId, now);
                    await db.SaveChangesAsync(token);
                }, cancellation);
            }
            catch
            {
                foreach (var rest in taken) _unsentLeases[rest.Row.Id] = rest.Lease.Until;
                throw;
            }
            signal.Wake(); // the request to write back goes out now
            return false;
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
    /// <returns>The conversation as the mark read it back, or null when the row is gone (erased).</returns>
    private async Task<OutboxClaims.Confirmed?> RecordSentAsync(OutboxRecord message, string? sid, Lease lease, CancellationToken cancellation)
    {
        var recorded = false;
        OutboxClaims.Confirmed? asMarked = null;
        while (true)
        {
            try
            {
                if (!recorded) asMarked = await SentMarks.MarkAsync(message.Id, sid);
                recorded = true;
                if (message.ForgetConversationAfterSend)
                    await WriteAsync(async (db, token) =>
                    {
                        if (!await db.Outbox.AnyAsync(o => o.ConversationId == message.ConversationId && o.Id > message.Id, token))
                            await db.Conversations.Where(c => c.Id == message.ConversationId).ExecuteDeleteAsync(token);
                    }, cancellation);
                return asMarked;
            }
            catch (Exception error) when (DatabaseOutage.IsOutage(error) && lease.Held < LeaseTime - TimeSpan.FromSeconds(5))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellation);
            }
        }
    }

    private OutboxSentMarks? _sentMarks;

    /// <summary>Sent marks, batched across conversations, written as the outbox's other steps are (<see cref="OutboxWrites"/>).</summary>
    private OutboxSentMarks SentMarks => LazyInitializer.EnsureInitialized(ref _sentMarks, () => new OutboxSentMarks(WriteAsync));

    private static DateTime WholeMilliseconds(DateTime time) => new(time.Ticks - time.Ticks % TimeSpan.TicksPerMillisecond, time.Kind);

    /// <summary>Twilio's "outside the WhatsApp 24-hour window" (WhatsApp 470).</summary>
    public const int OutsideWindow = 63016;

    private static Task Finish(SafeChatDb db, long id, string status, string? sid, int? error, CancellationToken cancellation) =>
        db.Outbox.Where(o => o.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.Status, status).SetProperty(o => o.TwilioSid, sid).SetProperty(o => o.ErrorCode, error)
            .SetProperty(o => o.Attempts, o => o.Attempts + 1), cancellation);

    private string? StatusCallbackUrl() => options.PublicBaseUrl is { } origin ? origin.TrimEnd('/') + TwilioWebhooks.StatusPath : null;
}
