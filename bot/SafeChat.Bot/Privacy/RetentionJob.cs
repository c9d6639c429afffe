using Microsoft.EntityFrameworkCore;
using SafeChat.Bot.Storage;
using SafeChat.Dialogs.Reports;

namespace SafeChat.Bot.Privacy;

public sealed record RetentionResult(int Conversations, int ReportsDeidentified, int CaseEntries, int AuditEntries, int Receipts);

/// <summary>
/// Deletes what SafeChat no longer needs, on its own schedule: transcripts after 30 days (unless they carry the
/// reply to a case that is still open), the free text and history of cases closed a year ago, old audit entries and
/// delivery receipts. It logs counts only, never content.
/// </summary>
public sealed class RetentionJob(SafeChatDbFactory databases, RetentionOptions options, TimeProvider clock, ILogger<RetentionJob> logger) : BackgroundService
{
    public const string Name = "retention";

    /// <summary>Runs if no instance ran it within the interval; null when another instance already has.</summary>
    public async Task<RetentionResult?> RunIfDueAsync(CancellationToken cancellation = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await ClaimAsync(now, cancellation)) return null;
        return await RunAsync(now, cancellation);
    }

    public async Task<RetentionResult> RunAsync(DateTime now, CancellationToken cancellation = default)
    {
        await using var db = databases.Create();
        var transcriptCutoff = now.AddDays(-options.TranscriptDays);
        var openReplyChannels = db.Reports.Where(r => r.Status != ReportStatuses.Closed && r.ReplyConversationId != null).Select(r => r.ReplyConversationId!);
        var staleConversations = await db.Conversations
            .Where(c => c.LastActivityAt < transcriptCutoff && !openReplyChannels.Contains(c.Id))
            .Select(c => c.Id).ToListAsync(cancellation);
        await db.Reports.Where(r => r.ReplyConversationId != null && staleConversations.Contains(r.ReplyConversationId))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReplyConversationId, (string?)null), cancellation);
        var conversations = await db.Conversations.Where(c => staleConversations.Contains(c.Id)).ExecuteDeleteAsync(cancellation);

        var caseCutoff = now.AddMonths(-options.ClosedCaseMonths);
        var oldCases = db.Reports.Where(r => r.Status == ReportStatuses.Closed && r.ClosedAt < caseCutoff);
        var entries = await db.CaseEntries.Where(e => oldCases.Select(r => r.Id).Contains(e.ReportId)).ExecuteDeleteAsync(cancellation);
        var deidentified = await oldCases
            .Where(r => r.Description != null || r.Place != null || r.OutcomeText != null || r.ReplyConversationId != null || r.GridCell != null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Description, (string?)null).SetProperty(r => r.Place, (string?)null)
                .SetProperty(r => r.OutcomeText, (string?)null).SetProperty(r => r.ReplyConversationId, (string?)null)
                .SetProperty(r => r.GridCell, (string?)null).SetProperty(r => r.ContactPhoneProtected, (string?)null), cancellation);

        var audit = await db.Audit.Where(a => a.At < now.AddMonths(-options.AuditMonths)).ExecuteDeleteAsync(cancellation);
        var receipts = await db.InboundReceipts.Where(r => r.ReceivedAt < now.AddDays(-options.ReceiptDays)).ExecuteDeleteAsync(cancellation);

        var result = new RetentionResult(conversations, deidentified, entries, audit, receipts);
        logger.LogInformation("Retention: {Conversations} conversations deleted, {Reports} closed cases de-identified, {Entries} case entries, {Audit} audit entries and {Receipts} receipts removed",
            result.Conversations, result.ReportsDeidentified, result.CaseEntries, result.AuditEntries, result.Receipts);
        return result;
    }

    private async Task<bool> ClaimAsync(DateTime now, CancellationToken cancellation)
    {
        await using var db = databases.Create();
        if (!await db.JobRuns.AnyAsync(j => j.Name == Name, cancellation))
        {
            db.JobRuns.Add(new JobRunRecord { Name = Name, LastRunAt = DateTime.MinValue });
            try { await db.SaveChangesAsync(cancellation); }
            catch (DbUpdateException) { /* another instance created it */ }
        }
        var due = now - options.Interval;
        return await db.JobRuns.Where(j => j.Name == Name && j.LastRunAt <= due)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LastRunAt, now), cancellation) == 1;
    }

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        if (!options.Scheduled) return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(5)) /* real time: how often to look; what is due is decided by the clock */;
        do
        {
            try { await RunIfDueAsync(stopping); }
            catch (Exception error) when (!stopping.IsCancellationRequested) { logger.LogWarning(error, "Retention run failed; trying again later"); }
        } while (await timer.WaitForNextTickAsync(stopping).AsTask().ContinueWith(t => !t.IsCanceled && t.Result, TaskScheduler.Default));
    }
}
