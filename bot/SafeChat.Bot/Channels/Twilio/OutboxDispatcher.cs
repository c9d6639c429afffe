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
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);

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

    public async Task DispatchDueAsync(CancellationToken cancellation)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = databases.Create();
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
        var claimed = await db.Outbox
            .Where(o => o.Id == id && ((o.Status == OutboxStatuses.Pending && o.NextAttemptAt <= now) || (o.Status == OutboxStatuses.Sending && o.LeaseUntil < now)))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatuses.Sending).SetProperty(o => o.LeaseUntil, now + Lease), cancellation);
        if (claimed == 0) return false; // another instance has it

        var message = await db.Outbox.AsNoTracking().SingleAsync(o => o.Id == id, cancellation);
        var conversation = await db.Conversations.AsNoTracking()
            .Where(c => c.Id == message.ConversationId).Select(c => new { c.ChannelAddressProtected, c.OptedOut }).SingleAsync(cancellation);
        if (conversation.OptedOut || conversation.ChannelAddressProtected is null)
        {
            await Finish(db, id, OutboxStatuses.Suppressed, null, null, cancellation);
            return true;
        }
        var contentSid = message.ContentSid ?? (message.Buttons is { } buttons ? await contents.SidForAsync(message.Body, buttons, cancellation) : null);
        var result = await twilio.SendAsync(protector.Unprotect(conversation.ChannelAddressProtected), message.Body, contentSid, StatusCallbackUrl(), cancellation);
        telemetry.TwilioCall(result.Accepted ? "accepted" : result.Transient ? "transient" : "refused");
        if (result.Accepted)
        {
            telemetry.OutboxSent(message.Channel, now - message.CreatedAt);
            await Finish(db, id, OutboxStatuses.Sent, result.Sid, null, cancellation);
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

    /// <summary>Twilio's "outside the WhatsApp 24-hour window" (WhatsApp 470).</summary>
    public const int OutsideWindow = 63016;

    private static Task Finish(SafeChatDb db, long id, string status, string? sid, int? error, CancellationToken cancellation) =>
        db.Outbox.Where(o => o.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.Status, status).SetProperty(o => o.TwilioSid, sid).SetProperty(o => o.ErrorCode, error)
            .SetProperty(o => o.Attempts, o => o.Attempts + 1), cancellation);

    private string? StatusCallbackUrl() => options.PublicBaseUrl is { } origin ? origin.TrimEnd('/') + TwilioWebhooks.StatusPath : null;
}
