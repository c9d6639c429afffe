using Microsoft.EntityFrameworkCore;
using SafeChat.Bot.Storage;
using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Reports;

namespace SafeChat.Bot.Reports;

/// <summary>Carries out the report effects of a turn, inside that turn's transaction.</summary>
public sealed class ReportWriter(QueueOptions queue, WorkingHours workingHours, ContactProtector protector, ILogger<ReportWriter> logger)
{
    public async Task ApplyAsync(SafeChatDb db, ITurnEffect effect, string conversationId, DateTime now, CancellationToken cancellation)
    {
        switch (effect)
        {
            case ReportSubmitted report:
                await StoreAsync(db, report, conversationId, now, cancellation);
                break;
            case ReporterAddedInformation added:
                var id = await db.Reports.Where(r => r.Code == added.Code).Select(r => (long?)r.Id).FirstOrDefaultAsync(cancellation);
                if (id is null) return;
                db.CaseEntries.Add(new CaseEntryRecord { ReportId = id.Value, Kind = CaseEntryKinds.ReporterInformation, Text = added.Text, CreatedAt = now });
                break;
        }
    }

    private async Task StoreAsync(SafeChatDb db, ReportSubmitted report, string conversationId, DateTime now, CancellationToken cancellation)
    {
        var since = now.AddDays(-7);
        // Counted only as far as the tier looks: a busy district's week of reports is not read in the turn's transaction.
        // The place is chosen here, not in the query: a condition on the report inside it made EF Core compile an expression
        // on every report. A report from elsewhere has no place to repeat.
        var (gridCell, district) = (report.GridCell, report.District);
        var recent = db.Reports.Where(r => r.CreatedAt >= since);
        var samePlace = gridCell is not null
            ? await recent.Where(r => r.GridCell == gridCell).Take(RiskTiers.RepeatLocationAfter).CountAsync(cancellation)
            : district != Districts.Elsewhere
                ? await recent.Where(r => r.District == district).Take(RiskTiers.RepeatLocationAfter).CountAsync(cancellation)
                : 0;
        var (tier, reason) = RiskTiers.Assess(new RiskTiers.Facts(report, DateOnly.FromDateTime(now), samePlace));
        db.Reports.Add(new ReportRecord
        {
            Code = report.Code,
            CreatedAt = now,
            HappenedToReporter = report.HappenedToReporter,
            Categories = string.Join(",", report.Categories),
            District = report.District,
            GridCell = report.GridCell,
            Place = report.Place,
            OccurredOn = report.OccurredOn,
            PartOfDay = report.PartOfDay?.ToString(),
            Description = report.Description,
            FollowUp = report.FollowUp.ToString(),
            ContactPhoneProtected = report.Phone is null ? null : protector.Protect(report.Phone),
            CallWindow = report.CallWindow,
            HandoverConsent = report.HandoverConsent,
            ReplyConversationId = report.FollowUp == FollowUp.InChat ? conversationId : null,
            Language = report.Language,
            Signals = string.Join(",", report.Signals),
            Tier = tier,
            TierReason = reason,
            DeadlineAt = workingHours.AddTo(now, queue.HoursFor(tier)),
            Status = ReportStatuses.New,
        });
        logger.LogInformation("Report stored in tier {Tier} ({Reason})", tier, reason);
    }
}

public static class CaseEntryKinds
{
    public const string Note = "note";
    public const string StaffReply = "staff-reply";
    public const string ReporterInformation = "reporter-information";
    public const string Handover = "handover";
    public const string ReplyFailed = "reply-failed";
    public const string Withdrawn = "withdrawn";
}
