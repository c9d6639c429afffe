using Microsoft.EntityFrameworkCore;
using SafeChat.Bot.Reports;
using SafeChat.Bot.Storage;
using SafeChat.Dialogs.Activities;

namespace SafeChat.Bot.Channels.BotFramework;

/// <summary>
/// Posts what the connector outbox holds, in order per conversation: a reply is due only when nothing before it in its
/// conversation still waits. A row is claimed with a conditional update (a lease), and every later update is fenced on
/// that lease, so across instances each reply goes out once. Transient failures back off (and give up after a day);
/// permanent ones are recorded.
/// </summary>
public sealed class ConnectorDispatcher(SafeChatDbFactory databases, ConnectorClient connector, ContactProtector protector, ConnectorSignal signal,
    BotFrameworkOptions options, TimeProvider clock, ILogger<ConnectorDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Sweep = TimeSpan.FromSeconds(2);

    /// <summary>Longer than one send can take: a token (its client's timeout) and the post with its retries.</summary>
    private static readonly TimeSpan Lease = BotFrameworkSetup.TokenTimeout * 2 + BotFrameworkSetup.TotalSendTimeout * 2 + TimeSpan.FromSeconds(15);

    /// <summary>Backoff doubles up to 5 minutes: 20 attempts span about an hour and a half; then the reply is given up.</summary>
    private const int MaxAttempts = 20;

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        if (!options.Enabled) return;
        while (!stopping.IsCancellationRequested)
        {
            try { await DispatchDueAsync(stopping); }
            catch (Exception error) when (!stopping.IsCancellationRequested) { logger.LogWarning(error, "Connector outbox run failed; will retry"); }
            await signal.WaitAsync(Sweep, stopping);
        }
    }

    public async Task DispatchDueAsync(CancellationToken cancellation)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = databases.Create();
        var due = await Due(db.ConnectorOutbox, now)
            .AsNoTracking().OrderBy(o => o.Id).Select(o => new { o.Id, o.ConversationId }).Take(500).ToListAsync(cancellation);
        foreach (var conversation in due.GroupBy(o => o.ConversationId))
        foreach (var id in conversation.Select(o => o.Id))
            if (!await SendOneAsync(db, id, cancellation)) break; // keep a conversation's replies in order
    }

    /// <summary>Waiting and its time has come (or its sender's lease ran out), with nothing earlier in its conversation waiting.</summary>
    private static IQueryable<ConnectorOutboxRecord> Due(IQueryable<ConnectorOutboxRecord> outbox, DateTime now) =>
        outbox.Where(o => ((o.Status == OutboxStatuses.Pending && o.NextAttemptAt <= now) || (o.Status == OutboxStatuses.Sending && o.LeaseUntil < now))
                          && !outbox.Any(e => e.ConversationId == o.ConversationId && e.Id < o.Id
                                              && (e.Status == OutboxStatuses.Pending || e.Status == OutboxStatuses.Sending)));

    private async Task<bool> SendOneAsync(SafeChatDb db, long id, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lease = WholeMilliseconds(now + Lease); // compared for equality later; both databases keep milliseconds
        var claimed = await Due(db.ConnectorOutbox, now).Where(o => o.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatuses.Sending).SetProperty(o => o.LeaseUntil, lease), cancellation);
        if (claimed == 0) return false; // another instance has it

        var message = await db.ConnectorOutbox.AsNoTracking().SingleAsync(o => o.Id == id, cancellation);
        var stored = await db.Conversations.AsNoTracking().Where(c => c.Id == message.ConversationId)
            .Select(c => c.ChannelAddressProtected).SingleOrDefaultAsync(cancellation);
        if (stored is null)
        {
            await FinishAsync(db, id, lease, OutboxStatuses.Suppressed, cancellation); // erased: nowhere to send it
            return true;
        }
        var result = await connector.SendAsync(ConversationReference.Deserialize(protector.Unprotect(stored)), ActivityJson.Deserialize(message.ActivityJson), cancellation);
        var attempts = message.Attempts + 1;
        if (result.Accepted || !result.Transient || attempts >= MaxAttempts)
        {
            if (!result.Accepted)
                logger.LogWarning("Reply {Id} given up after {Attempts} attempts: the Bot Connector answered {Status}", id, attempts, result.Status);
            await FinishAsync(db, id, lease, result.Accepted ? OutboxStatuses.Sent : OutboxStatuses.Failed, cancellation);
            // The confirmation of an erasure: the conversation goes once it was sent, or could not be.
            if (message.ForgetConversationAfterSend && !await db.ConnectorOutbox.AnyAsync(o => o.ConversationId == message.ConversationId && o.Id > id, cancellation))
                await db.Conversations.Where(c => c.Id == message.ConversationId).ExecuteDeleteAsync(cancellation);
            return true;
        }
        logger.LogInformation("Reply {Id} not taken by the Bot Connector ({Status}); attempt {Attempts} of {Max}", id, result.Status, attempts, MaxAttempts);
        var retryAt = now + TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, attempts)));
        await db.ConnectorOutbox.Where(o => o.Id == id && o.LeaseUntil == lease).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.Status, OutboxStatuses.Pending).SetProperty(o => o.Attempts, attempts).SetProperty(o => o.NextAttemptAt, retryAt), cancellation);
        return false;
    }

    /// <summary>Only while the lease is still ours: if it ran out and another instance took the row, that one decides.</summary>
    private static Task FinishAsync(SafeChatDb db, long id, DateTime lease, string status, CancellationToken cancellation) =>
        db.ConnectorOutbox.Where(o => o.Id == id && o.LeaseUntil == lease).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.Status, status).SetProperty(o => o.Attempts, o => o.Attempts + 1), cancellation);

    private static DateTime WholeMilliseconds(DateTime time) => new(time.Ticks - time.Ticks % TimeSpan.TicksPerMillisecond, time.Kind);
}
