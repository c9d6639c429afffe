using System.Globalization;
using System.Text.RegularExpressions;
using SafeChat.Dialogs.Engine;

namespace SafeChat.Dialogs.Reports;

public enum PartOfDay { Night, Morning, Afternoon, Evening }

/// <summary>A date and, when known, the part of the day: as precise as a report needs, and no more.</summary>
public sealed record WhenItHappened(DateOnly Date, PartOfDay? Part);

/// <summary>
/// Turns "gisteravond rond 11 uur", "vorige week vrijdag" or "yesterday around 10pm" into a date and a part of
/// the day, in Rotterdam time. Never returns a moment in the future: "vrijdag" on a Wednesday is last Friday.
/// </summary>
public static partial class WhenRecognizer
{
    private static readonly Dictionary<string, DayOfWeek> Weekdays = new()
    {
        ["maandag"] = DayOfWeek.Monday, ["dinsdag"] = DayOfWeek.Tuesday, ["woensdag"] = DayOfWeek.Wednesday,
        ["donderdag"] = DayOfWeek.Thursday, ["vrijdag"] = DayOfWeek.Friday, ["zaterdag"] = DayOfWeek.Saturday,
        ["zondag"] = DayOfWeek.Sunday, ["monday"] = DayOfWeek.Monday, ["tuesday"] = DayOfWeek.Tuesday,
        ["wednesday"] = DayOfWeek.Wednesday, ["thursday"] = DayOfWeek.Thursday, ["friday"] = DayOfWeek.Friday,
        ["saturday"] = DayOfWeek.Saturday, ["sunday"] = DayOfWeek.Sunday,
    };

    private static readonly Dictionary<string, int> Months = new()
    {
        ["januari"] = 1, ["februari"] = 2, ["maart"] = 3, ["april"] = 4, ["mei"] = 5, ["juni"] = 6, ["juli"] = 7,
        ["augustus"] = 8, ["september"] = 9, ["oktober"] = 10, ["november"] = 11, ["december"] = 12,
        ["january"] = 1, ["february"] = 2, ["march"] = 3, ["may"] = 5, ["june"] = 6, ["july"] = 7, ["august"] = 8,
        ["october"] = 10, ["jan"] = 1, ["feb"] = 2, ["mrt"] = 3, ["apr"] = 4, ["jun"] = 6, ["jul"] = 7, ["aug"] = 8,
        ["sep"] = 9, ["sept"] = 9, ["okt"] = 10, ["oct"] = 10, ["nov"] = 11, ["dec"] = 12,
    };

    private static readonly Dictionary<string, int> NumberWords = new()
    {
        ["een"] = 1, ["één"] = 1, ["twee"] = 2, ["drie"] = 3, ["vier"] = 4, ["vijf"] = 5, ["zes"] = 6, ["zeven"] = 7,
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
    };

    public static readonly TimeZoneInfo Rotterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static WhenItHappened? Recognize(string text, DateTimeOffset now)
    {
        var t = TextNormalizer.Normalize(text);
        if (t.Length == 0) return null;
        var local = TimeZoneInfo.ConvertTime(now, Rotterdam);
        var today = DateOnly.FromDateTime(local.DateTime);

        var date = DateFrom(t, today);
        var part = PartFrom(t);
        var hour = HourFrom(t, part);
        part ??= hour is { } h ? PartOf(h) : null;

        if (date is null && part is null) return null;
        var day = date ?? today;
        // "rond 11 uur" with no day, later than now: that was yesterday.
        if (date is null && hour is { } hh && hh > local.Hour) day = today.AddDays(-1);
        if (day > today) day = day.AddYears(-1);
        return new WhenItHappened(day, part);
    }

    private static DateOnly? DateFrom(string t, DateOnly today)
    {
        if (Regex.IsMatch(t, @"\beergisteren\b|\bday before yesterday\b")) return today.AddDays(-2);
        if (Regex.IsMatch(t, @"\bgister(en)?|\byesterday\b|\blast night\b")) return today.AddDays(-1);
        if (Regex.IsMatch(t, @"\bvandaag|vanochtend|vanmorgen|vanmiddag|vanavond|vannacht|zojuist|net\b|\b(today|tonight|this (morning|afternoon|evening)|just now)\b"))
            return today;

        if (Ago().Match(t) is { Success: true } ago)
        {
            var n = int.TryParse(ago.Groups["n"].Value, out var parsed) ? parsed : NumberWords.GetValueOrDefault(ago.Groups["n"].Value, 1);
            var unit = ago.Groups["unit"].Value;
            return unit.StartsWith("we") ? today.AddDays(-7 * n) : unit.StartsWith("maand") || unit.StartsWith("month") ? today.AddMonths(-n) : today.AddDays(-n);
        }

        foreach (var (name, weekday) in Weekdays)
        {
            if (!Regex.IsMatch(t, $@"\b{name}\b")) continue;
            var lastWeek = Regex.IsMatch(t, @"\b(vorige week|last week|vorige|the week before)\b");
            var back = ((int)today.DayOfWeek - (int)weekday + 7) % 7;
            if (back == 0 && !Regex.IsMatch(t, @"\b(vandaag|today)\b")) back = 7; // "vrijdag" said on a Friday: last Friday
            var day = today.AddDays(-back);
            if (lastWeek && back < 7)
            {
                // "vorige week vrijdag": the Friday of the previous calendar week (Monday-based).
                var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7)).AddDays(-7);
                day = monday.AddDays(((int)weekday + 6) % 7);
            }
            return day;
        }

        if (DayMonth().Match(t) is { Success: true } dm && Months.TryGetValue(dm.Groups["month"].Value, out var month))
            return SafeDate(today.Year, month, int.Parse(dm.Groups["day"].Value, CultureInfo.InvariantCulture));
        if (MonthDay().Match(t) is { Success: true } md && Months.TryGetValue(md.Groups["month"].Value, out var month2))
            return SafeDate(today.Year, month2, int.Parse(md.Groups["day"].Value, CultureInfo.InvariantCulture));
        if (NumericDate().Match(t) is { Success: true } nd)
            return SafeDate(today.Year, int.Parse(nd.Groups["month"].Value, CultureInfo.InvariantCulture), int.Parse(nd.Groups["day"].Value, CultureInfo.InvariantCulture));

        if (Regex.IsMatch(t, @"\b(deze week|this week)\b")) return today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        if (Regex.IsMatch(t, @"\b(vorige week|last week)\b")) return today.AddDays(-7);
        return null;
    }

    private static PartOfDay? PartFrom(string t)
    {
        if (Regex.IsMatch(t, @"ochtend|morgen\b|\bmorning\b|\bam\b")) return PartOfDay.Morning;
        if (Regex.IsMatch(t, @"middag|\bafternoon\b")) return PartOfDay.Afternoon;
        if (Regex.IsMatch(t, @"avond|\bevening\b|\btonight\b")) return PartOfDay.Evening;
        if (Regex.IsMatch(t, @"nacht|\bnight\b")) return PartOfDay.Night;
        return null;
    }

    /// <summary>An hour (0-23) from "rond 11 uur", "om 23:00", "10pm", "half 11"; evening context turns 11 into 23.</summary>
    private static int? HourFrom(string t, PartOfDay? part)
    {
        var m = Clock().Matches(t).FirstOrDefault(c => c.Groups["at"].Success || c.Groups["half"].Success || c.Groups["min"].Success || c.Groups["ampm"].Success);
        if (m is null) return null;
        var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        if (m.Groups["half"].Success) hour -= 1; // "half 11" is 10:30
        var suffix = m.Groups["ampm"].Value;
        if (suffix == "pm" && hour < 12) hour += 12;
        if (suffix == "am" && hour == 12) hour = 0;
        if (suffix.Length == 0 && hour < 12 && part is PartOfDay.Evening or PartOfDay.Afternoon) hour += 12;
        return hour is >= 0 and <= 23 ? hour : null;
    }

    private static PartOfDay PartOf(int hour) => hour switch
    {
        < 6 => PartOfDay.Night,
        < 12 => PartOfDay.Morning,
        < 18 => PartOfDay.Afternoon,
        _ => PartOfDay.Evening,
    };

    private static DateOnly? SafeDate(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    [GeneratedRegex(@"\b(?<n>\d+|een|één|twee|drie|vier|vijf|zes|zeven|a|an|one|two|three|four|five|six|seven) (?<unit>dag|dagen|week|weken|maand|maanden|day|days|week|weeks|month|months) (geleden|ago)\b")]
    private static partial Regex Ago();

    [GeneratedRegex(@"\b(?<day>\d{1,2}) (?<month>[a-z]+)\b")]
    private static partial Regex DayMonth();

    [GeneratedRegex(@"\b(?<month>[a-z]+) (?<day>\d{1,2})(st|nd|rd|th)?\b")]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"\b(?<day>\d{1,2})[-/](?<month>\d{1,2})\b")]
    private static partial Regex NumericDate();

    /// <summary>A clock time needs a marker ("rond", "om", "at", "half", "uur", "pm" or minutes), so "12 november" is no hour.</summary>
    [GeneratedRegex(@"(?:\b(?<at>rond|om|around|at|about|ongeveer|tegen)\s+)?(?<half>half\s+)?\b(?<h>\d{1,2})(?<min>[:.]\d{2})?\s*(?<ampm>am|pm|uur\b|u\b)?")]
    private static partial Regex Clock();
}
