using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SafeChat.Bot.Tests.Support;

/// <summary>
/// A real SafeChat host on a real loopback port, configured only through its command line, as an operator would.
/// </summary>
public sealed class SafeChatHost : IAsyncDisposable
{
    public const string Secret = "test-directline-secret-0123456789abcdefghij";

    /// <summary>Tests start many conversations from one address; the dedicated rate-limit tests set real limits.</summary>
    public static readonly string[] NoRateLimits =
    [
        "--RateLimits:StartsPerMinutePerAddress=1000000", "--RateLimits:PostsPerMinutePerConversation=1000000",
        "--RateLimits:RequestsPerMinutePerAddress=100000000", "--RateLimits:StreamsPerConversation=1000",
        "--RateLimits:SignInsPerMinutePerAddress=1000000",
    ];

    private readonly WebApplication _app;

    private SafeChatHost(WebApplication app, Uri baseUrl, CapturedLogs logs)
    {
        _app = app;
        BaseUrl = baseUrl;
        Logs = logs;
        Http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseUrl { get; }
    public HttpClient Http { get; }
    public CapturedLogs Logs { get; }
    public IServiceProvider Services => _app.Services;

    /// <summary>Encrypts the key ring at rest, as production must (a fixed one, so a restarted host can read its keys).</summary>
    public static readonly string KeyEncryptionKey = Convert.ToBase64String(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray());

    /// <summary>A fixed key, so a restarted host accepts the tokens the first one issued.</summary>
    public static readonly string SigningKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    /// <param name="endpoints">Extra endpoints mapped after SafeChat's own, as a later feature would add them.</param>
    public static async Task<SafeChatHost> StartAsync(HostSettings settings, Action<IServiceCollection>? services = null,
        Action<WebApplication>? endpoints = null)
    {
        var logs = new CapturedLogs();
        var args = new List<string>
        {
            "--urls", "http://127.0.0.1:0",
            $"--DirectLine:TokenSigningKey={SigningKey}",
            $"--DirectLine:Secret={Secret}",
            $"--DataProtection:KeyEncryptionKey={KeyEncryptionKey}",
            $"--WebChat:QuickExitUrl={settings.QuickExitUrl}",
            // Staff reach the host through a TLS proxy on loopback (see BehindTlsProxy), as in production.
            "--RateLimits:KnownProxies:0=127.0.0.1",
        };
        args.AddRange(NoRateLimits);
        args.AddRange(settings.Arguments());
        var app = SafeChatApp.Build(args.ToArray(), builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(logs);
            services?.Invoke(builder.Services);
        });
        endpoints?.Invoke(app);
        await SafeChatApp.StartAsync(app);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SafeChatHost(app, new Uri(address), logs);
    }

    /// <summary>Once the triage models and date recognisers are loaded: until then messages are not answered as they come
    /// in but queued (a measurement of what a turn costs waits for this).</summary>
    public Task WarmAsync() =>
        Services.GetRequiredService<SafeChat.Bot.Conversations.EngineReadiness>().WhenWarm.WaitAsync(TimeSpan.FromMinutes(2));

    public async Task StopAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _app.StopAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Which database a host uses, and where.</summary>
public sealed record HostSettings(string Provider, string DataDirectory, string? ConnectionString = null)
{
    public string QuickExitUrl { get; init; } = "https://neutral.example/";
    public IReadOnlyList<string> Extra { get; init; } = [];

    public static HostSettings Sqlite(string? dataDirectory = null) =>
        new("Sqlite", dataDirectory ?? TempFolder.Create("safechat-sqlite"));

    public static HostSettings Postgres(string connectionString) =>
        new("Postgres", TempFolder.Create("safechat-pg"), connectionString);

    public IEnumerable<string> Arguments()
    {
        yield return $"--Storage:Provider={Provider}";
        yield return $"--Storage:DataDirectory={DataDirectory}";
        if (ConnectionString is not null) yield return $"--Storage:ConnectionString={ConnectionString}";
        foreach (var extra in Extra) yield return extra;
    }
}

public static class TempFolder
{
    public static string Create(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }
}
