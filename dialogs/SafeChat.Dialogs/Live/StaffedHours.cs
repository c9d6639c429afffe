using System.Globalization;

namespace SafeChat.Dialogs.Live;

/// <summary>
/// When the team chats: <c>always</c>, or a day range and a time range in Rotterdam time, e.g. <c>mon-fri 09:00-17:00</c>
/// or <c>mon-sun 10:00-22:00</c>.
/// </summary>
public sealed record StaffedHours(bool Always, DayOfWeek FirstDay, DayOfWeek LastDay, TimeOnly Opens, TimeOnly Closes)
{
    public static readonly StaffedHours AroundTheClock = new(true, DayOfWeek.Monday, DayOfWeek.Sunday, TimeOnly.MinValue, TimeOnly.MaxValue);

    private static readonly string[] Days = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    /// <summary>The day ranges the texts can say ("op werkdagen", "elke dag"…): each has a text "days.&lt;range&gt;".</summary>
    public static readonly IReadOnlyList<string> DayRanges = ["mon-fri", "mon-sat", "mon-sun"];

    public static StaffedHours Parse(string value)
    {
        var text = value.Trim().ToLowerInvariant();
        if (text == "always") return AroundTheClock;
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || parts[0].Split('-') is not [var from, var to] || parts[1].Split('-') is not [var opens, var closes]
            || !DayRanges.Contains($"{from}-{to}")
            || !TimeOnly.TryParseExact(opens, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var open)
            || !TimeOnly.TryParseExact(closes, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var close) || close <= open)
            throw new FormatException($"Handover:Hours '{value}' is not 'always' or one of {string.Join(", ", DayRanges)} with times, like 'mon-fri 09:00-17:00'.");
        return new StaffedHours(false, (DayOfWeek)Array.IndexOf(Days, from), (DayOfWeek)Array.IndexOf(Days, to), open, close);
    }

    /// <summary>Is this local (Rotterdam) moment inside the hours?</summary>
    public bool Contains(DateTime local)
    {
        if (Always) return true;
        var day = ((int)local.DayOfWeek - (int)FirstDay + 7) % 7;
        var span = ((int)LastDay - (int)FirstDay + 7) % 7;
        var time = TimeOnly.FromDateTime(local);
        return day <= span && time >= Opens && time < Closes;
    }

    /// <summary>The day range's key in the texts ("days.mon-fri").</summary>
    public string DaysKey => $"days.{Days[(int)FirstDay]}-{Days[(int)LastDay]}";
}
