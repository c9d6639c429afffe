using Microsoft.Playwright;

namespace SafeChat.Bot.Tests.Support;

/// <summary>
/// Debian's chromium driven by Playwright. The flags keep chromium from calling home, so any request that
/// leaves localhost in a test is the page's own doing.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: tests/run.sh installs Debian's chromium.");
        // A page waits for what it expects, however slowly a busy two-core machine renders it: these tests are about
        // what appears, not how fast (speed has its own benchmark). Five seconds once failed a page that was right.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-default-apps"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
    }
}

/// <summary>Runs on its own, after the others: a browser, its page and a host share two cores with nothing else.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>Everything a page asked for, and everything it complained about.</summary>
public sealed class PageWatch
{
    public List<string> Requests { get; } = [];
    public List<string> ConsoleErrors { get; } = [];

    public static PageWatch On(IPage page)
    {
        var watch = new PageWatch();
        page.Request += (_, request) => { lock (watch.Requests) watch.Requests.Add(request.Url); };
        page.WebSocket += (_, socket) => { lock (watch.Requests) watch.Requests.Add(socket.Url); };
        page.Console += (_, message) => { if (message.Type == "error") lock (watch.ConsoleErrors) watch.ConsoleErrors.Add(message.Text); };
        return watch;
    }

    public IReadOnlyList<string> LeavingHost(Uri host)
    {
        lock (Requests)
            return Requests.Where(url => !(url.StartsWith($"http://{host.Authority}/") || url.StartsWith($"ws://{host.Authority}/")
                                           || url.StartsWith("data:") || url.StartsWith("blob:"))).ToList();
    }
}
