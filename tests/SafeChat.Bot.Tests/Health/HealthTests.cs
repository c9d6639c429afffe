using System.Net;
using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.Health;

/// <summary>What a load balancer or Kubernetes probe sees: liveness is the process, readiness includes the models and the database.</summary>
public class HealthTests
{
    [Fact]
    public async Task A_healthy_instance_is_live_and_ready()
    {
        await using var host = await SafeChatHost.StartAsync(HostSettings.Sqlite());

        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/health/live")).StatusCode);
        // Ready once the models are loaded (in the background, seconds after start-up).
        Assert.True(await Eventually.HoldsAsync(async () => (await host.Http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK));
    }

    [Fact]
    public async Task Without_its_database_an_instance_stays_live_but_is_not_ready()
    {
        // A port where no PostgreSQL listens: the database is down, the process is fine.
        var unreachable = "Host=127.0.0.1;Port=1;Database=safechat;Username=nobody;Timeout=2";
        var settings = HostSettings.Postgres(unreachable) with { Extra = ["--Storage:MigrateOnStartup=false"] };
        await using var host = await SafeChatHost.StartAsync(settings);

        var live = await host.Http.GetAsync("/health/live");
        var ready = await host.Http.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("database unavailable", await ready.Content.ReadAsStringAsync());
    }
}
