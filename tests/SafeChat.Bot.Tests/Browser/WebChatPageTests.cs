using Microsoft.Playwright;
using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.Browser;

/// <summary>The real page, the official Web Chat bundle, a real browser.</summary>
[Collection(BrowserCollection.Name)]
public class WebChatPageTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string NeutralSite = "https://neutral.example/";
    private SafeChatHost _host = null!;

    public async Task InitializeAsync() => _host = await SafeChatHost.StartAsync(HostSettings.Sqlite() with { QuickExitUrl = NeutralSite });
    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<(IBrowserContext Context, IPage Page, PageWatch Watch)> OpenAsync(string path = "", bool fromAnotherPage = false, bool axe = false)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "nl-NL" });
        if (axe) await StaffBrowser.LoadAxeAsync(context);
        // The quick exit goes to another site; answer it here so the test never touches the internet.
        await context.RouteAsync(NeutralSite + "**", route => route.FulfillAsync(new RouteFulfillOptions { Body = "neutral", ContentType = "text/plain" }));
        var page = await context.NewPageAsync();
        var watch = PageWatch.On(page);
        if (fromAnotherPage) await page.GotoAsync(NeutralSite + "before");
        await page.GotoAsync(new Uri(_host.BaseUrl, path).ToString());
        return (context, page, watch);
    }

    [Fact]
    public async Task Greets_answers_a_suggested_action_and_nothing_leaves_localhost_or_stays_behind()
    {
        var (context, page, watch) = await OpenAsync();

        await Expect(Said(page, "automatische assistent")).ToBeVisibleAsync();
        Assert.Empty(await context.CookiesAsync());
        Assert.Equal(0, await page.EvaluateAsync<int>("localStorage.length + sessionStorage.length"));

        await SuggestedAction(page, "Ja").ClickAsync();

        await Expect(Said(page, "Bel nu " + HelpLines.Phone("emergency"))).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Bel " + HelpLines.Phone("emergency") }).First).ToBeVisibleAsync();
        await Expect(page.GetByText("Verbindingsstatus: Verbonden")).ToHaveCountAsync(1); // Web Chat's own connectivity state
        await Expect(page.GetByPlaceholder("Typ je bericht")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = RepositoryPaths.TestOutput("webchat-danger-yes.png"), FullPage = true });

        Assert.Empty(watch.LeavingHost(_host.BaseUrl));
        Assert.Contains(watch.Requests, url => url.StartsWith("ws://")); // the page really streams over WebSocket
        Assert.True(!watch.ConsoleErrors.Any(e => e.Contains("Content Security Policy")), string.Join("\n", watch.ConsoleErrors));
        Assert.Empty(await context.CookiesAsync());
        await Expect(page.GetByText("mislukt")).ToHaveCountAsync(0); // Web Chat's "send failed": the echo arrived
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_person_taps_through_to_the_sexual_assault_centre_with_a_call_button()
    {
        var (context, page, watch) = await OpenAsync();
        await Expect(Said(page, "ben je nu in gevaar")).ToBeVisibleAsync();

        foreach (var choice in new[] { "Nee", "Er is mij iets overkomen", "Seksueel geweld", "In de afgelopen 7 dagen" })
        {
            await SuggestedAction(page, choice).ClickAsync();
            await Expect(page.Locator(".webchat__bubble--from-user").GetByText(choice).First).ToBeVisibleAsync();
        }

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Bel " + HelpLines.Phone("csg") }).First).ToBeVisibleAsync();
        await Expect(SuggestedAction(page, "Ja")).ToBeVisibleAsync(); // would they like to know how traces are kept, and about PEP?
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = RepositoryPaths.TestOutput("webchat-sexual-violence-route.png"), FullPage = true });
        Assert.Empty(watch.LeavingHost(_host.BaseUrl));
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_language_list_changes_the_page_and_the_bot_asks_again_in_English()
    {
        var (context, page, _) = await OpenAsync();
        await Expect(Said(page, "ben je nu in gevaar")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Combobox, new() { Name = "Taal" }).SelectOptionAsync("en");

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Leave now" })).ToBeVisibleAsync();
        await Expect(Said(page, "are you in danger right now")).ToBeVisibleAsync();
        await Expect(SuggestedAction(page, "Yes")).ToBeVisibleAsync();
        Assert.Equal("en", await page.EvaluateAsync<string>("document.documentElement.lang"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = RepositoryPaths.TestOutput("webchat-english.png"), FullPage = true });
        await context.CloseAsync();
    }

    [Fact]
    public async Task In_arabic_the_page_and_web_chat_read_right_to_left_and_axe_finds_nothing()
    {
        var arabic = SafeChat.Dialogs.Content.ContentCatalog.LoadEmbedded();
        var (context, page, watch) = await OpenAsync("?lang=ar", axe: true);

        await Expect(Said(page, arabic.Text("ar", "greeting.ask-danger"))).ToBeVisibleAsync();
        Assert.Equal("rtl", await page.EvaluateAsync<string>("document.documentElement.dir"));
        Assert.Equal("ar", await page.EvaluateAsync<string>("document.documentElement.lang"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = arabic.Text("ar", "page.exit") })).ToBeVisibleAsync();
        await Expect(SuggestedAction(page, arabic.Text("ar", "choice.yes"))).ToBeVisibleAsync();
        // Web Chat itself turned: its root carries dir="rtl".
        await Expect(page.Locator("#webchat [dir='rtl']").First).ToBeAttachedAsync();
        await StaffBrowser.AssertNoAxeViolationsAsync(page, "the chat page in Arabic");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = RepositoryPaths.TestOutput("webchat-arabic-rtl.png"), FullPage = true });
        Assert.Empty(watch.LeavingHost(_host.BaseUrl));
        await context.CloseAsync();
    }

    [Fact]
    public async Task Writing_in_arabic_on_the_dutch_page_turns_the_page_to_arabic()
    {
        var (context, page, _) = await OpenAsync();
        await Expect(Said(page, "ben je nu in gevaar")).ToBeVisibleAsync();
        Assert.Equal("ltr", await page.EvaluateAsync<string>("document.documentElement.dir"));

        await page.GetByPlaceholder("Typ je bericht").FillAsync("مرحبا، هل يمكنني الكتابة بالعربية؟");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_chat_page_passes_axe_in_dutch()
    {
        var (context, page, _) = await OpenAsync(axe: true);
        await Expect(Said(page, "ben je nu in gevaar")).ToBeVisibleAsync();
        await StaffBrowser.AssertNoAxeViolationsAsync(page, "the chat page in Dutch");
        await context.CloseAsync();
    }

    [Fact]
    public async Task Quick_exit_replaces_the_page_with_a_neutral_site_that_back_does_not_undo()
    {
        var (context, page, _) = await OpenAsync(fromAnotherPage: true);
        await Expect(Said(page, "automatische assistent")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Snel weg" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(NeutralSite);
        await page.GoBackAsync(new PageGoBackOptions { WaitUntil = WaitUntilState.Commit }); // may come from the back/forward cache: no load event
        await Assertions.Expect(page).ToHaveURLAsync(NeutralSite + "before");

        Assert.Equal(NeutralSite + "before", page.Url); // the chat is no longer in the history
        Assert.Empty(await context.CookiesAsync());
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_escape_key_also_leaves_at_once_even_while_typing_in_the_chat()
    {
        var (context, page, _) = await OpenAsync();
        await Expect(Said(page, "automatische assistent")).ToBeVisibleAsync();
        await page.GetByPlaceholder("Typ je bericht").FillAsync("ik wil");

        await page.Keyboard.PressAsync("Escape");

        // A polling assertion: the exit is so quick that waiting for the navigation event can miss it.
        await Assertions.Expect(page).ToHaveURLAsync(NeutralSite);
        await context.CloseAsync();
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    /// <summary>A bot bubble with this text (Web Chat also keeps a copy for screen readers, hence First).</summary>
    private static ILocator Said(IPage page, string text) => page.Locator(".webchat__bubble__content").GetByText(text).First;

    /// <summary>A suggested action above the send box.</summary>
    private static ILocator SuggestedAction(IPage page, string title) =>
        page.Locator("button.webchat__suggested-actions__button").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^{title}$") });
}
