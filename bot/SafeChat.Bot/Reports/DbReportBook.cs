using Microsoft.EntityFrameworkCore;
using SafeChat.Bot.Storage;
using SafeChat.Dialogs.Reports;

namespace SafeChat.Bot.Reports;

/// <summary>Answers "status CODE" for the engine: the status and the latest reply from staff, nothing else.</summary>
public sealed class DbReportBook(SafeChatDbFactory databases, WorkingHours workingHours) : IReportBook
{
    /// <summary>Staff read reports in the office hours the queue counts deadlines in: the first office moment from now.</summary>
    public DateOnly? ReadOn(DateTimeOffset sentAt)
    {
        var read = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(workingHours.AddTo(sentAt.UtcDateTime, 0), RotterdamTime.Zone));
        return read == DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(sentAt, RotterdamTime.Zone).DateTime) ? null : read;
    }

    public ReportStatus? Find(string code)
    {
        using var db = databases.Create();
        var report = db.Reports.AsNoTracking().Where(r => r.Code == code).Select(r => new { r.Id, r.Code, r.Status }).FirstOrDefault();
        if (report is null) return null;
        // A closed case: only that it is closed (its code no longer opens what was said).
        if (report.Status == ReportStatuses.Closed) return new ReportStatus(report.Code, report.Status, null, null);
        var reply = db.CaseEntries.AsNoTracking()
            .Where(e => e.ReportId == report.Id && e.Kind == CaseEntryKinds.StaffReply)
            .OrderByDescending(e => e.Id).Select(e => new { e.Text, e.CreatedAt }).FirstOrDefault();
        return new ReportStatus(report.Code, report.Status, reply?.Text,
            reply is null ? null : new DateTimeOffset(DateTime.SpecifyKind(reply.CreatedAt, DateTimeKind.Utc)));
    }
}
