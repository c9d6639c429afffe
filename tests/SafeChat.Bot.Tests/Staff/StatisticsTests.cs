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
}
