using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafeChat.Bot.Reports;
using SafeChat.Bot.Staff.Audit;
using SafeChat.Bot.Storage;
using SafeChat.Dialogs.Reports;

namespace SafeChat.Bot.Staff.Escalation;

/// <summary>
/// Flags cases past their deadline and tells supervisors: in the app (the overdue view) and through the
/// configured webhook. Each case is escalated once, whichever instance gets there first.
/// </summary>
public sealed class EscalationJob(SafeChatDbFactory databases, AuditTrail audit, QueueOptions options, SafeChat.Bot.Live.HandoverOptions handover, IHttpClientFactory http,
    TimeProvider clock, Observability.SafeChatTelemetry telemetry, ILogger<EscalationJob> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    public async Task<int> RunOnceAsync(CancellationToken cancellation = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = databases.Create();
        var due = await db.Reports.AsNoTracking()
            .Where(r => r.Status != ReportStatuses.Closed && r.EscalatedAt == null && r.DeadlineAt < now)
            .Select(r => new { r.Id, r.Tier, r.DeadlineAt }).ToListAsync(cancellation);
        var escalated = 0;
        foreach (var report in due)
        {
            // The conditional update is the once-only guarantee across instances.
            var won = await db.Reports.Where(r => r.Id == report.Id && r.EscalatedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.EscalatedAt, now), cancellation);
            if (won == 0) continue;
            audit.Record(db, null, AuditActions.Escalated, report.Id, $"tier {report.Tier}");
            await db.SaveChangesAsync(cancellation);
            escalated++;
            telemetry.SlaBreached(report.Tier);
            await NotifyAsync(report.Id, report.Tier, report.DeadlineAt, cancellation);
        }
        if (escalated > 0) logger.LogWarning("Escalated {Count} overdue case(s)", escalated);
        return escalated + await EscalateWaitingChatsAsync(db, now, cancellation);
    }

    /// <summary>Someone waiting for a live chat longer than Handover:MaxWaitMinutes: flagged once, audited, announced.</summary>
    private async Task<int> EscalateWaitingChatsAsync(SafeChatDb db, DateTime now, CancellationToken cancellation)
    {
        var since = now.AddMinutes(-handover.MaxWaitMinutes);
        var waiting = await db.LiveChats.AsNoTracking()
            .Where(l => l.Status == SafeChat.Bot.Live.LiveChatStatuses.Waiting && l.EscalatedAt == null && l.RequestedAt < since)
            .Select(l => new { l.Id, l.RequestedAt }).ToListAsync(cancellation);
        var escalated = 0;
        foreach (var chat in waiting)
        {
            var won = await db.LiveChats.Where(l => l.Id == chat.Id && l.EscalatedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.EscalatedAt, now), cancellation);
            if (won == 0) continue;
            audit.Record(db, null, AuditActions.EscalatedLiveChat, null, $"live {chat.Id}");
            await db.SaveChangesAsync(cancellation);
            escalated++;
            await SendAsync(new { type = "live-chat-waiting", liveChatId = chat.Id, waitingSince = DateTime.SpecifyKind(chat.RequestedAt, DateTimeKind.Utc) }, cancellation);
        }
        if (escalated > 0) logger.LogWarning("Escalated {Count} live chat(s) waiting too long", escalated);
        return escalated;
    }

    /// <summary>The webhook gets the case id, tier and deadline: enough to open the case in the staff app, nothing about the
    /// person, and not the report code (which opens the reporter's side).</summary>
    private Task NotifyAsync(long caseId, int tier, DateTime deadline, CancellationToken cancellation) =>
        SendAsync(new { type = "case-overdue", caseId, tier, deadline = DateTime.SpecifyKind(deadline, DateTimeKind.Utc) }, cancellation);

    /// <summary>To the webhook, signed; never anything about the person, nor a report code (which opens the reporter's side).</summary>
    private async Task SendAsync(object payload, CancellationToken cancellation)
    {
        if (string.IsNullOrEmpty(options.EscalationWebhookUrl)) return;
        try
        {
            var body = JsonSerializer.Serialize(payload);
            using var request = WebhookSignature.Sign(new HttpRequestMessage(HttpMethod.Post, options.EscalationWebhookUrl), body,
                options.EscalationWebhookSecret!, clock.GetUtcNow());
            using var response = await http.CreateClient("escalation").SendAsync(request, cancellation);
            if (!response.IsSuccessStatusCode) logger.LogWarning("Escalation webhook answered {Status}", (int)response.StatusCode);
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            logger.LogWarning("Escalation webhook unreachable: {Error}", error.GetType().Name);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(Interval) /* real time: how often to look; what is due is decided by the clock */;
        do
        {
            try { await RunOnceAsync(stopping); }
            catch (Exception error) when (!stopping.IsCancellationRequested) { logger.LogWarning(error, "Escalation run failed; next run in {Interval}", Interval); }
        } while (await timer.WaitForNextTickAsync(stopping).AsTask().ContinueWith(t => !t.IsCanceled && t.Result, TaskScheduler.Default));
    }
}
