using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeChat.Bot.Reports;
using SafeChat.Bot.Storage;
using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.Reports;

/// <summary>
/// A report from a place that had <see cref="RiskTiers.RepeatLocationAfter"/> reports in the past week goes up a tier,
/// and stays there however many more come (the writer counts only as far as the tier looks). Its own host: no other
/// test's reports in the district.
/// </summary>
public class RepeatLocationTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private async Task<string> ReportFromIJsselmondeAsync() =>
        (await ReporterJourney.ReportAsync(fixture.Host.Http, [.. ReporterJourney.GesturesNoFollowUp.Select(a => a == "Noord" ? "IJsselmonde" : a)])).Code;

    [Fact]
    public async Task The_third_report_from_a_district_in_a_week_is_a_repeat_and_so_is_the_fourth()
    {
        var codes = new List<string>();
        for (var i = 0; i < RiskTiers.RepeatLocationAfter + 2; i++) codes.Add(await ReportFromIJsselmondeAsync());

        await using var db = fixture.Host.Services.GetRequiredService<SafeChatDbFactory>().Create();
        var reports = await db.Reports.Where(r => codes.Contains(r.Code)).OrderBy(r => r.Id).ToListAsync();
        Assert.Equal(["other", "other", "repeat-location", "repeat-location"], reports.Select(r => r.TierReason));
        Assert.Equal([3, 3, 2, 2], reports.Select(r => r.Tier));
        Assert.All(reports, r => Assert.Equal("ijsselmonde", r.District));
    }
}
