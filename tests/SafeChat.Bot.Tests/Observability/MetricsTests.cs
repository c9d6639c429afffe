using Microsoft.Extensions.DependencyInjection;
using SafeChat.Bot.Observability;
using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.Observability;

/// <summary>
/// What an OpenTelemetry exporter would collect from a running host, read with a MeterListener on that host's
/// own meter (other hosts in the test run have their own, so their measurements do not mix in).
/// </summary>
public class MetricsTests
{
    [Fact]
    public async Task Turns_are_timed_per_channel_and_open_cases_are_counted_per_tier_without_personal_tags()
    {
        await using var host = await SafeChatHost.StartAsync(HostSettings.Sqlite());
        using var metrics = new HostMeter(host.Services.GetRequiredService<SafeChatTelemetry>().Meter);

        await ReporterJourney.ReportAsync(host.Http, ReporterJourney.GesturesNoFollowUp);
        metrics.Collect();

        var turns = metrics.Of("safechat.turn.duration");
        Assert.True(turns.Count >= 10, $"expected a measurement per turn, got {turns.Count}");
        Assert.All(turns, m => Assert.Equal("directline", m.Tags["channel"]) /* the test client is a plain Direct Line client */);
        Assert.All(turns, m => Assert.InRange(m.Value, 0, 30));
        Assert.Equal(turns.Count, metrics.Of("safechat.turns").Sum(m => m.Value));
        var depth = metrics.Of("safechat.queue.depth");
        Assert.Equal([1, 2, 3], depth.Select(m => Convert.ToInt32(m.Tags["tier"])).Order());
        Assert.Equal(1, depth.Sum(m => m.Value));
        var tagNames = metrics.All.SelectMany(m => m.Tags.Keys).Distinct().Order();
        Assert.Equal(["channel", "start", "tier"], tagNames);
    }
}
