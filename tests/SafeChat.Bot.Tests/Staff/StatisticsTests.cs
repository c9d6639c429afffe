using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SafeChat.Bot.Storage;
using SafeChat.Bot.Tests.Support;
using SafeChat.Dialogs.Reports;

namespace SafeChat.Bot.Tests.Staff;

public class StatisticsTests
{
    [Fact]
    public async Task Counts_under_five_are_shown_as_less_than_five_in_charts_api_and_csv()
    {
        await using var host = await SafeChatHost.StartAsync(HostSettings.Sqlite());
        await using (var db = host.Services.GetRequiredService<SafeChatDbFactory>().Create())
        {
            var now = DateTime.UtcNow;
            for (var i = 0; i < 8; i++)
                db.Reports.Add(new ReportRecord
                {
                    Code = $"TEST-{i:D4}", CreatedAt = now.AddHours(-i), Categories = i < 6 ? "remarks" : "touching",
                    District = i < 6 ? "centrum" : "noord", FollowUp = "None", Language = "nl", Status = ReportStatuses.New,
                    OccurredOn = DateOnly.FromDateTime(now), PartOfDay = "Evening", DeadlineAt = now.AddDays(1),
                });
            await db.SaveChangesAsync();
        }
        var staff = await StaffClient.SignedInAsync(host, "responder");

        var stats = await staff.GetJsonAsync("/staff/api/stats");
        var csv = await staff.Http.GetStringAsync("/staff/api/stats.csv");
        var page = await staff.Http.GetStringAsync("/staff/statistics");

        string Count(string table, string label) => stats.GetProperty(table).EnumerateArray()
            .Single(c => c.GetProperty("label").GetString() == label).GetProperty("count").GetString()!;
        Assert.Equal("6", Count("perDistrict", "Centrum"));
        Assert.Equal("<5", Count("perDistrict", "Noord"));
        Assert.Equal("0", Count("perDistrict", "Charlois"));
        Assert.Equal("<5", Count("perCategory", "touching"));
        Assert.Contains("district,\"Noord\",<5", csv);
        Assert.DoesNotContain(",2\n", csv);
        Assert.Contains("&lt;5", page);
    }

    [Fact]
    public async Task More_reports_in_a_district_than_the_threshold_raise_a_hotspot_alert_for_supervisors()
    {
        await using var host = await SafeChatHost.StartAsync(HostSettings.Sqlite() with { Extra = ["--Queue:HotspotThreshold=3"] });
        await using (var db = host.Services.GetRequiredService<SafeChatDbFactory>().Create())
        {
            var now = DateTime.UtcNow;
            foreach (var (district, i) in Enumerable.Repeat("feijenoord", 4).Append("pernis").Select((d, i) => (d, i)))
                db.Reports.Add(new ReportRecord
                {
                    Code = $"HOTS-{i:D4}", CreatedAt = now.AddDays(-i), Categories = "remarks", District = district,
                    FollowUp = "None", Language = "nl", Status = ReportStatuses.New, DeadlineAt = now.AddDays(1),
                });
            await db.SaveChangesAsync();
        }
        var supervisor = await StaffClient.SignedInAsync(host, "supervisor");

        var hotspots = (await supervisor.GetJsonAsync("/staff/api/hotspots")).EnumerateArray().ToList();
        var page = await supervisor.Http.GetStringAsync("/staff");

        var hotspot = Assert.Single(hotspots);
        Assert.Equal("Feijenoord", hotspot.GetProperty("place").GetString());
        Assert.Contains("Hotspot: Feijenoord", page);
        Assert.DoesNotContain("Pernis had", page);
    }
}
