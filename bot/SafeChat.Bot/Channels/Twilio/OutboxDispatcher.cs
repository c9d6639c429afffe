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
        var due = await db.Outbox.AsNoTracking()
            .Where(o => (o.Status == OutboxStatuses.Pending && o.NextAttemptAt <= now) || (o.Status == OutboxStatuses.Sending && o.LeaseUntil < now))
            .OrderBy(o => o.Id).Select(o => new { o.Id, o.ConversationId }).Take(500).ToListAsync(cancellation);
        foreach (var conversation in due.GroupBy(o => o.ConversationId))
        foreach (var id in conversation.Select(o => o.Id))
            if (!await SendOneAsync(db, id, cancellation)) break; // keep a conversation's messages in order
    }

    private async Task<bool> SendOneAsync(SafeChatDb db, long id, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lease = WholeMilliseconds(now + Lease); // compared for equality later; both databases keep milliseconds
        var claimed = await db.Outbox
            .Where(o => o.Id == id && ((o.Status == OutboxStatuses.Pending && o.NextAttemptAt <= now) || (o.Status == OutboxStatuses.Sending && o.LeaseUntil < now)))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatuses.Sending).SetProperty(o => o.LeaseUntil, lease), cancellation);
        if (claimed == 0) return false; // another instance has it
        var leaseHeld = System.Diagnostics.Stopwatch.StartNew();

        OutboxRecord message;
        string? address, contentSid;
        try
        {
            message = await db.Outbox.AsNoTracking().SingleAsync(o => o.Id == id, cancellation);
            var conversation = await db.Conversations.AsNoTracking()
                .Where(c => c.Id == message.ConversationId).Select(c => new { c.ChannelAddressProtected, c.OptedOut }).SingleAsync(cancellation);
            if (conversation.OptedOut || conversation.ChannelAddressProtected is null)
            {
                await Finish(db, id, OutboxStatuses.Suppressed, null, null, cancellation);
                return true;
            }
            address = protector.Unprotect(conversation.ChannelAddressProtected);
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
