using Microsoft.EntityFrameworkCore;
using SafeChat.Bot.Reports;
using SafeChat.Bot.Storage;
using SafeChat.Dialogs.Activities;

namespace SafeChat.Bot.Channels.BotFramework;

/// <summary>
/// Posts what the connector outbox holds, oldest first per conversation. A row is claimed with a conditional update (a
/// lease), so across instances each reply goes out once; transient failures back off, permanent ones are recorded.
/// </summary>
public sealed class ConnectorDispatcher(SafeChatDbFactory databases, ConnectorClient connector, ContactProtector protector, ConnectorSignal signal,
    BotFrameworkOptions options, TimeProvider clock, ILogger<ConnectorDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Sweep = TimeSpan.FromSeconds(2);

    /// <summary>Longer than one send with its retries can take (the connector client's total timeout).</summary>
    private static readonly TimeSpan Lease = BotFrameworkSetup.TotalSendTimeout + TimeSpan.FromSeconds(15);

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
        var due = await db.ConnectorOutbox.AsNoTracking()
            .Where(o => (o.Status == OutboxStatuses.Pending && o.NextAttemptAt <= now) || (o.Status == OutboxStatuses.Sending && o.LeaseUntil < now))
            .OrderBy(o => o.Id).Select(o => new { o.Id, o.ConversationId }).Take(500).ToListAsync(cancellation);
        foreach (var conversation in due.GroupBy(o => o.ConversationId))
        foreach (var id in conversation.Select(o => o.Id))
            if (!await SendOneAsync(db, id, cancellation)) break; // keep a conversation's replies in order
    }

    private async Task<bool> SendOneAsync(SafeChatDb db, long id, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lease = now + Lease;
        var claimed = await db.ConnectorOutbox
            .Where(o => o.Id == id && ((o.Status == OutboxStatuses.Pending && o.NextAttemptAt <= now) || (o.Status == OutboxStatuses.Sending && o.LeaseUntil < now)))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatuses.Sending).SetProperty(o => o.LeaseUntil, lease), cancellation);
        if (claimed == 0) return false; // another instance has it

        var message = await db.ConnectorOutbox.AsNoTracking().SingleAsync(o => o.Id == id, cancellation);
        var stored = await db.Conversations.AsNoTracking().Where(c => c.Id == message.ConversationId)
            .Select(c => c.ChannelAddressProtected).SingleOrDefaultAsync(cancellation);
        if (stored is null)
        {
            await FinishAsync(db, id, OutboxStatuses.Suppressed, cancellation); // erased: nowhere to send it
            return true;
        }
        var result = await connector.SendAsync(ConversationReference.Deserialize(protector.Unprotect(stored)), ActivityJson.Deserialize(message.ActivityJson), cancellation);
        if (result.Accepted)
        {
            await FinishAsync(db, id, OutboxStatuses.Sent, cancellation);
            if (message.ForgetConversationAfterSend && !await db.ConnectorOutbox.AnyAsync(o => o.ConversationId == message.ConversationId && o.Id > id, cancellation))
                await db.Conversations.Where(c => c.Id == message.ConversationId).ExecuteDeleteAsync(cancellation);
            return true;
        }
        if (!result.Transient)
        {
            logger.LogWarning("Reply {Id} refused by the Bot Connector with status {Status}", id, result.Status);
            await FinishAsync(db, id, OutboxStatuses.Failed, cancellation);
            return true;
        }
        var attempts = message.Attempts + 1;
        var retryAt = now + TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, attempts)));
        await db.ConnectorOutbox.Where(o => o.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.Status, OutboxStatuses.Pending).SetProperty(o => o.Attempts, attempts).SetProperty(o => o.NextAttemptAt, retryAt), cancellation);
        return false;
    }

    private static Task FinishAsync(SafeChatDb db, long id, string status, CancellationToken cancellation) =>
        db.ConnectorOutbox.Where(o => o.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.Status, status).SetProperty(o => o.Attempts, o => o.Attempts + 1), cancellation);
}
