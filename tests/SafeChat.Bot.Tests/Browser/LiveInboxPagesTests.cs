using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SafeChat.Bot.Staff.Accounts;
using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.Browser;

/// <summary>
/// The live inbox and conversation page in a real browser, under the staff pages' real CSP: a person asks for a person
/// (DirectLineJS), a responder sees the chat waiting, takes it, reads the person's next message without a reload (the
/// push stream), answers from the text box, sees the red banner when the person writes of danger, and ends the chat.
/// axe-core finds nothing on either page, at desktop width and on a phone.
/// </summary>
[Collection(BrowserCollection.Name)]
public class LiveInboxPagesTests(BrowserFixture browser)
{
    private static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 }, Phone = new() { Width = 390, Height = 844 };

    [Fact]
    public async Task A_responder_takes_a_live_chat_talks_without_reloading_and_ends_it_and_both_pages_pass_axe()
    {
        await using var host = await SafeChatHost.StartAsync(HostSettings.Sqlite() with { Extra = ["--Handover:Hours=always"] });
        await using var chat = await DirectLineJsChat.StartAsync(browser, host);
        await chat.WaitForAPersonAsync();

        var account = await host.Services.GetRequiredService<StaffAccounts>().AddAsync("anna.jansen@gemeente.test", StaffRoles.Responder);
        // No BypassCSP: the page's own script, its push stream and its posts must work under the CSP staff pages really get.
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "nl-NL", ExtraHTTPHeaders = BehindTlsProxy.Headers, ViewportSize = Desktop });
        await StaffBrowser.LoadAxeAsync(context);
        var page = await context.NewPageAsync();
        var watch = PageWatch.On(page);
        await StaffBrowser.SignInFirstTimeAsync(page, host, account);

        await page.GetByRole(AriaRole.Link, new() { Name = "Live chats" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Live chats" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Live chats (1 wachtend)" })).ToBeVisibleAsync();
        var waiting = page.Locator(".live-item").First;
        await Assertions.Expect(waiting).ToContainTextAsync("via webchat");
        await Assertions.Expect(waiting).ToContainTextAsync("wacht");
        await AxeAtBothSizesAsync(page, "live inbox", "staff-live-inbox");

        await waiting.GetByRole(AriaRole.Button, new() { Name = "aannemen" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/staff/live/\d+$"));
        await Assertions.Expect(page.Locator("#live-status")).ToHaveTextAsync("Jij voert dit gesprek.");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Wat de bot hoorde" })).ToBeVisibleAsync();
        await chat.WaitForAsync("Anna van het meldpunt is er nu");

        // The person's next message appears on the open page: no reload (the marker on window survives), no polling.
        await page.EvaluateAsync("() => { window.sameDocument = true; }");
        // "Is typing" from the person shows on the page before their message arrives.
        await chat.TypingAsync();
        await Assertions.Expect(page.Locator("#typing")).ToBeVisibleAsync();
        await chat.SendAsync("Een man riep dingen naar me bij de tramhalte");
        await Assertions.Expect(page.Locator("#transcript li.from-person").Last).ToContainTextAsync("bij de tramhalte");

        // A quick answer fills the text box; the responder writes their own and sends it without leaving the page.
        await page.GetByRole(AriaRole.Button, new() { Name = "Ben je veilig?" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Bericht aan de persoon")).ToHaveValueAsync(new Regex("veilige plek"));
        await page.GetByLabel("Bericht aan de persoon").FillAsync("Hoi, ik ben er. Wat is er gebeurd?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Versturen" }).ClickAsync();
        var (_, name) = await chat.WaitForAsync("Wat is er gebeurd?");
        Assert.Equal("Anna", name);
        await Assertions.Expect(page.Locator("#transcript li.from-staff").Last).ToContainTextAsync("Wat is er gebeurd?");
        await Assertions.Expect(page.GetByLabel("Bericht aan de persoon")).ToHaveValueAsync("");

        // Danger during the live chat: the red banner comes up on the open page.
        await chat.SendAsync("hij staat nu weer naast me en hij pakt mijn arm");
        await chat.WaitForAsync("112");
        await Assertions.Expect(page.Locator("#danger")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"));
        await AxeAtBothSizesAsync(page, "live chat", "staff-live-chat");

        await page.GetByLabel("Uitkomst").SelectOptionAsync(new SelectOptionValue { Label = "Doorverwezen naar hulp" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Beëindigen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#live-status")).ToHaveTextAsync("Afgesloten: Doorverwezen naar hulp.");
        await chat.WaitForAsync("Anna is gestopt met het gesprek");
        await Assertions.Expect(page.Locator("#transcript")).ToContainTextAsync("Wat is er gebeurd?"); // still readable

        Assert.Empty(watch.LeavingHost(host.BaseUrl));
        Assert.Empty(watch.ConsoleErrors); // a CSP violation would show here
        await context.CloseAsync();
    }

    private static async Task AxeAtBothSizesAsync(IPage page, string name, string screenshot)
    {
        await StaffBrowser.AssertNoAxeViolationsAsync(page, name);
        await page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = RepositoryPaths.TestOutput(screenshot + "-phone.png"), FullPage = true });
        await StaffBrowser.AssertNoAxeViolationsAsync(page, name + " at 390x844");
        // Nothing wider than the phone: no sideways scrolling to reach a button.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{name} scrolls sideways on a phone");
        await page.SetViewportSizeAsync(Desktop.Width, Desktop.Height);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = RepositoryPaths.TestOutput(screenshot + ".png"), FullPage = true });
    }
}
