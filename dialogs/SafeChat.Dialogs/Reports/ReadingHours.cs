namespace SafeChat.Dialogs.Reports;

/// <summary>
/// When staff read reports, for an engine without a host (tests, the command line): working days until 17:00 Rotterdam
/// time. The host answers from its queue's configured office hours instead (IReportBook.ReadOn). A report sent before
/// opening is read that day. A report sent on Friday night is read on Monday, and the person is told so. Public holidays are not
/// known here; on one the promise is a day early.
/// </summary>
public static class ReadingHours
{
    private static readonly TimeOnly Closes = new(17, 0);

    /// <summary>The day the report will be read: null for today, otherwise the next working day.</summary>
    public static DateOnly? ReadOn(DateTimeOffset sentAt)
    {
        var local = TimeZoneInfo.ConvertTime(sentAt, RotterdamTime.Zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        if (IsWorkingDay(day) && TimeOnly.FromDateTime(local.DateTime) < Closes) return null;
        do day = day.AddDays(1); while (!IsWorkingDay(day));
        return day;
    }

    private static bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
}
