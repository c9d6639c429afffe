using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.Conversations;

/// <summary>
/// Twenty messages posted at once into one conversation, spread over two hosts sharing one database:
/// every turn runs exactly once, in the order the messages were logged, and no state update is lost.
/// </summary>
public abstract class ConcurrentTurnTests
{
    protected abstract Task<HostSettings> SettingsAsync();

    [Fact]
    public async Task Twenty_simultaneous_posts_are_each_processed_once_in_order_with_consistent_state()
    {
        var settings = await SettingsAsync();
        await using var first = await SafeChatHost.StartAsync(settings, CountingFlow.Install);
        await using var second = await SafeChatHost.StartAsync(settings, CountingFlow.Install);
        var chat = await DirectLineTestClient.StartAsync(first.Http);
        await chat.WaitForBotRepliesAsync(1);

        var messages = Enumerable.Range(0, 20).Select(i => $"m{i}").ToList();
        var posts = messages.Select((text, i) => Task.Run(() => i % 2 == 0
            ? chat.SayAsync(text)
            : chat.Via(second.Http).SayAsync(text)));
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
}

public sealed class PostgresConcurrentTurnTests : ConcurrentTurnTests
{
    protected override async Task<HostSettings> SettingsAsync() => HostSettings.Postgres(await PostgresServer.CreateDatabaseAsync());
}
