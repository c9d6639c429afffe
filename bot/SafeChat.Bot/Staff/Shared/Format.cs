using System.Globalization;
using SafeChat.Dialogs.Reports;

namespace SafeChat.Bot.Staff;

/// <summary>How staff pages write times (Rotterdam time) and statuses (Dutch).</summary>
public static class Format
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static string Local(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), WhenRecognizer.Rotterdam).ToString("ddd d MMM HH:mm", Dutch);

    public static string Status(string status) => status switch
    {
        ReportStatuses.New => "nieuw",
        ReportStatuses.InProgress => "in behandeling",
        ReportStatuses.Replied => "beantwoord",
        ReportStatuses.Closed => "gesloten",
        _ => status,
    };
}
