using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SafeChat.Bot.Staff.Audit;
using SafeChat.Bot.Storage;
using SafeChat.Dialogs.Reports;

namespace SafeChat.Bot.Staff.Statistics;

/// <summary>A labelled count. Counts under 5 are shown as "&lt;5" so that no small group can be singled out.</summary>
public sealed record Cell(string Label, int Count)
{
    public const int SmallestShown = 5;
    public string Shown => Count is > 0 and < SmallestShown ? "<5" : Count.ToString(CultureInfo.InvariantCulture);
}

public sealed record Statistics(
    IReadOnlyList<Cell> PerWeek,
    IReadOnlyList<Cell> PerCategory,
    IReadOnlyList<Cell> PerDistrict,
    IReadOnlyList<string> Weekdays,
    IReadOnlyList<string> PartsOfDay,
    int[,] HeatMap,
    IReadOnlyList<(int Tier, double? HoursToFirstReply, double? HoursToClose)> MediansByTier);

/// <summary>Figures for policy and enforcement, from the reports' own fields; never a single person's story.</summary>
public sealed class StatisticsService(SafeChatDbFactory databases, AuditTrail audit, TimeProvider clock)
{
    public static readonly string[] Weekdays = ["ma", "di", "wo", "do", "vr", "za", "zo"];
    public static readonly string[] Parts = ["nacht", "ochtend", "middag", "avond"];

    public async Task<Statistics> BuildAsync(StaffMember who, CancellationToken cancellation = default)
    {
        await using var db = databases.Create();
        var rows = await db.Reports.AsNoTracking()
            .Select(r => new { r.CreatedAt, r.Categories, r.District, r.OccurredOn, r.PartOfDay, r.Tier, r.FirstReplyAt, r.ClosedAt })
            .ToListAsync(cancellation);
        audit.Record(db, who.Id, AuditActions.ViewedStatistics);
        await db.SaveChangesAsync(cancellation);

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var weeks = Enumerable.Range(0, 12).Select(i => WeekStart(today).AddDays(-7 * (11 - i))).ToList();
        var perWeek = weeks.Select(w => new Cell($"wk {ISOWeek.GetWeekOfYear(w.ToDateTime(TimeOnly.MinValue))}",
            rows.Count(r => WeekStart(DateOnly.FromDateTime(r.CreatedAt)) == w))).ToList();
        var perCategory = Categories.All.Select(c => new Cell(c, rows.Count(r => r.Categories.Split(',').Contains(c)))).ToList();
        var perDistrict = Districts.All.Select(d => new Cell(d.Name, rows.Count(r => r.District == d.Id)))
            .Append(new Cell("elders", rows.Count(r => r.District == Districts.Elsewhere))).ToList();

        var heat = new int[7, 4];
        foreach (var r in rows.Where(r => r.OccurredOn is not null && r.PartOfDay is not null))
            heat[((int)r.OccurredOn!.Value.DayOfWeek + 6) % 7, (int)Enum.Parse<PartOfDay>(r.PartOfDay!)]++;

        var medians = Enumerable.Range(1, 3).Select(tier =>
        {
            var inTier = rows.Where(r => r.Tier == tier).ToList();
            return (tier,
                Median(inTier.Where(r => r.FirstReplyAt is not null).Select(r => (r.FirstReplyAt!.Value - r.CreatedAt).TotalHours)),
                Median(inTier.Where(r => r.ClosedAt is not null).Select(r => (r.ClosedAt!.Value - r.CreatedAt).TotalHours)));
        }).ToList();

        return new Statistics(perWeek, perCategory, perDistrict, Weekdays, Parts, heat, medians);
    }

    /// <summary>The same figures as CSV, small cells suppressed the same way.</summary>
    public static string ToCsv(Statistics s)
    {
        var lines = new List<string> { "table,label,count" };
        lines.AddRange(s.PerWeek.Select(c => $"week,{c.Label},{c.Shown}"));
        lines.AddRange(s.PerCategory.Select(c => $"category,{c.Label},{c.Shown}"));
        lines.AddRange(s.PerDistrict.Select(c => $"district,\"{c.Label}\",{c.Shown}"));
        for (var d = 0; d < 7; d++)
        for (var p = 0; p < 4; p++)
            lines.Add($"weekday-part,{s.Weekdays[d]} {s.PartsOfDay[p]},{new Cell("", s.HeatMap[d, p]).Shown}");
        lines.AddRange(s.MediansByTier.Select(m => $"median-hours,tier {m.Tier} first reply / close,{Hours(m.HoursToFirstReply)} / {Hours(m.HoursToClose)}"));
        return string.Join("\n", lines) + "\n";
    }

    public static string Hours(double? hours) => hours is { } h ? h.ToString("0.0", CultureInfo.InvariantCulture) : "-";

    private static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) return null;
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
