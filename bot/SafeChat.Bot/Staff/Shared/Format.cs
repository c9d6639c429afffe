using System.Globalization;
using SafeChat.Dialogs.Reports;

namespace SafeChat.Bot.Staff;

/// <summary>How staff pages write times (Rotterdam time) and statuses (Dutch).</summary>
public static class Format
{
    private static readonly CultureInfo DutchCulture = CultureInfo.GetCultureInfo("nl-NL");

    public static string Local(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), RotterdamTime.Zone).ToString("ddd d MMM HH:mm", DutchCulture);

    private static readonly Dictionary<string, string> Words = new()
    {
        ["remarks"] = "opmerkingen of geluiden", ["gestures"] = "gebaren", ["following"] = "volgen", ["touching"] = "aanraken",
        ["exposure"] = "ontbloten", ["photos"] = "foto's of filmen", ["other"] = "iets anders",
        ["None"] = "geen", ["InChat"] = "antwoord in de chat", ["ByPhone"] = "terugbellen",
        ["danger-signal"] = "gevaarsignaal", ["sexual-violence-within-7-days"] = "seksueel geweld, < 7 dagen",
        ["physical-contact-within-7-days"] = "aanraking, < 7 dagen", ["physical-contact"] = "aanraking",
        ["repeat-location"] = "herhaalde plek", ["Night"] = "'s nachts", ["Morning"] = "'s ochtends",
        ["Afternoon"] = "'s middags", ["Evening"] = "'s avonds",
    };

    /// <summary>Dutch for the ids stored with a report; several comma-separated ids become a list.</summary>
    public static string Dutch(string? ids) =>
        ids is null ? "" : string.Join(", ", ids.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(id => Words.GetValueOrDefault(id, id)));

    public static string Time(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), RotterdamTime.Zone).ToString("HH:mm", DutchCulture);

    /// <summary>"2 min", "1 uur 5 min": how long someone has been waiting, read at a glance.</summary>
    public static string Duration(TimeSpan span) =>
        span.TotalMinutes < 1 ? "minder dan 1 min" : span.TotalHours < 1 ? $"{(int)span.TotalMinutes} min" : $"{(int)span.TotalHours} uur {span.Minutes} min";

    public static string Channel(string channel) => channel switch
    {
        "webchat" or "directline" => "webchat",
        "whatsapp" => "WhatsApp",
        "sms" => "sms",
        "msteams" => "Teams",
        "botframework" or "botframework-text" => "Azure Bot Service",
        _ => channel,
    };

    public static string Status(string status) => status switch
    {
        ReportStatuses.New => "nieuw",
        ReportStatuses.InProgress => "in behandeling",
        ReportStatuses.Replied => "beantwoord",
        ReportStatuses.Closed => "gesloten",
        _ => status,
    };
}
