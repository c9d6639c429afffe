namespace SafeChat.Bot.Tests.Support;

/// <summary>One SQLite host shared by a test class; each test starts its own conversation.</summary>
public sealed class SqliteHostFixture : IAsyncLifetime
{
    public SafeChatHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await SafeChatHost.StartAsync(HostSettings.Sqlite() with
    {
        Extra = ["--DirectLine:KeepAliveInterval=00:00:01"],
    });

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
