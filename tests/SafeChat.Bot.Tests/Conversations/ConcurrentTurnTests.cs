using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.Conversations;

/// <summary>
/// Twenty messages posted at once into one conversation, spread over several hosts sharing one database:
/// every turn runs exactly once, in the order the messages were logged, and no state update is lost.
/// </summary>
public abstract class ConcurrentTurnTests
{
    protected abstract Task<HostSettings> SettingsAsync();

    /// <summary>How many instances share the database (SQLite is one machine's file; PostgreSQL is the cluster).</summary>
    protected abstract int Instances { get; }

    [Fact]
    public async Task Twenty_simultaneous_posts_are_each_processed_once_in_order_with_consistent_state()
    {
        var settings = await SettingsAsync();
        var hosts = new List<SafeChatHost>();
        try
        {
            for (var i = 0; i < Instances; i++) hosts.Add(await SafeChatHost.StartAsync(settings, CountingFlow.Install));
            await PostTwentyAtOnceAsync(hosts);
        }
        finally
        {
            foreach (var host in hosts) await host.DisposeAsync();
        }
    }

    private static async Task PostTwentyAtOnceAsync(IReadOnlyList<SafeChatHost> hosts)
    {
        var chat = await DirectLineTestClient.StartAsync(hosts[0].Http);
        await chat.WaitForBotRepliesAsync(1);

        var messages = Enumerable.Range(0, 20).Select(i => $"m{i}").ToList();
        var posts = messages.Select((text, i) => Task.Run(() => chat.Via(hosts[i % hosts.Count].Http).SayAsync(text)));
        var ids = await Task.WhenAll(posts);

        var set = await chat.WaitForAsync(s => s.FromBot.Any(a => ActivitySet.Text(a).StartsWith("20: ")), TimeSpan.FromSeconds(60));
        await Task.Delay(300);
        set = await chat.GetAsync();

        Assert.Equal(20, ids.Distinct().Count());
        var userOrder = set.FromUser.Select(ActivitySet.Text).ToList();
        var counted = set.FromBot.Select(ActivitySet.Text).Where(t => t.Contains(": ")).ToList();
        Assert.Equal(messages.Order(), userOrder.Order());
        Assert.Equal(Enumerable.Range(1, 20).Select(n => $"{n}: {userOrder[n - 1]}"), counted);
    }
}

public sealed class SqliteConcurrentTurnTests : ConcurrentTurnTests
{
    protected override Task<HostSettings> SettingsAsync() => Task.FromResult(HostSettings.Sqlite());
    protected override int Instances => 2;
}

public sealed class PostgresConcurrentTurnTests : ConcurrentTurnTests
{
    protected override async Task<HostSettings> SettingsAsync() => HostSettings.Postgres(await PostgresServer.CreateDatabaseAsync());
    protected override int Instances => 3;
}
