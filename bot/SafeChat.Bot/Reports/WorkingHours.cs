namespace SafeChat.Bot.Reports;

/// <summary>
/// Deadlines count office hours in Rotterdam (Monday to Friday, opening to closing time): a report that comes
/// in on Friday evening with 4 working hours is due Monday at 13:00.
/// </summary>
public sealed class WorkingHours(QueueOptions options)
{
    private static readonly TimeZoneInfo Rotterdam = SafeChat.Dialogs.Reports.RotterdamTime.Zone;

    public DateTime AddTo(DateTime startUtc, double hours)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(startUtc, DateTimeKind.Utc), Rotterdam);
        var remaining = TimeSpan.FromHours(hours);
        var cursor = local;
        while (true)
        {
            var (open, close) = OfficeOn(cursor.Date);
            if (open is null || cursor >= close) { cursor = cursor.Date.AddDays(1); continue; }
            if (cursor < open) cursor = open.Value;
            var available = close!.Value - cursor;
            if (remaining <= available)
                return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(cursor + remaining, DateTimeKind.Unspecified), Rotterdam);
            remaining -= available;
            cursor = cursor.Date.AddDays(1);
        }
    }

    private (DateTime? Open, DateTime? Close) OfficeOn(DateTime day) =>
        day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday
            ? (null, null)
            : (day + options.OfficeOpens.ToTimeSpan(), day + options.OfficeCloses.ToTimeSpan());
}
