using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SafeChat.Bot.Staff.Accounts;
using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.Browser;

/// <summary>Staff pages in a real browser: sign-in with a TOTP code, the queue, a case, the charts — and axe-core.</summary>
[Collection(BrowserCollection.Name)]
public class StaffPagesTests(BrowserFixture browser) : IAsyncLifetime
{
    private SafeChatHost _host = null!;

    public async Task InitializeAsync() => _host = await SafeChatHost.StartAsync(HostSettings.Sqlite());
    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_supervisor_signs_in_with_a_code_and_every_page_passes_axe()
    {
        var (_, code) = await ReporterJourney.ReportAsync(_host.Http, ReporterJourney.TouchedYesterdayReplyInChat);
        var account = await _host.Services.GetRequiredService<StaffAccounts>().AddAsync("supervisor@gemeente.test", StaffRoles.Supervisor);
        // axe is injected into the page; the staff pages' CSP (rightly) forbids that, so this context bypasses it.
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BypassCSP = true, Locale = "nl-NL", ExtraHTTPHeaders = BehindTlsProxy.Headers });
        var page = await context.NewPageAsync();
        var watch = PageWatch.On(page);

        await page.GotoAsync(new Uri(_host.BaseUrl, "/staff").ToString());
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/staff/sign-in"));
        await AssertAccessibleAsync(page, "sign-in");
        await page.GetByLabel("E-mailadres").FillAsync(account.Email);
        await page.GetByLabel("Wachtwoord").FillAsync(account.OneTimePassword);
        await page.GetByLabel("Code uit je authenticator-app").FillAsync(StaffClient.Code(account.TotpSecret));
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kies een eigen wachtwoord" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "password");
        await page.GetByLabel("Nieuw wachtwoord").FillAsync(StaffClient.NewPassword);
        await page.GetByLabel("Nog een keer").FillAsync(StaffClient.NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Wachtrij" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = code })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = RepositoryPaths.TestOutput("staff-queue.png"), FullPage = true });
        await AssertAccessibleAsync(page, "queue");

        await page.GetByRole(AriaRole.Link, new() { Name = code }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Zaak {code}" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Zaak oppakken" }).ClickAsync();
        await page.GetByLabel("Antwoord aan de melder").FillAsync("Dank je. We kijken ernaar.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Antwoord versturen" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Dank je. We kijken ernaar.")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = RepositoryPaths.TestOutput("staff-case.png"), FullPage = true });
        await AssertAccessibleAsync(page, "case");

        await page.GetByRole(AriaRole.Link, new() { Name = "Statistieken" }).ClickAsync();
        await Assertions.Expect(page.Locator("svg").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = RepositoryPaths.TestOutput("staff-statistics.png"), FullPage = true });
        await AssertAccessibleAsync(page, "statistics");

        await page.GetByRole(AriaRole.Link, new() { Name = "Auditlog" }).ClickAsync();
        await AssertAccessibleAsync(page, "audit");
        Assert.Empty(watch.LeavingHost(_host.BaseUrl));
        await context.CloseAsync();
    }

    [Fact]
    public async Task An_admin_resets_a_password_on_the_administration_page_and_it_passes_axe()
    {
        var accounts = _host.Services.GetRequiredService<StaffAccounts>();
        var admin = await accounts.AddAsync("beheer@gemeente.test", StaffRoles.Admin);
        var colleague = await accounts.AddAsync("collega@gemeente.test", StaffRoles.Responder);
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BypassCSP = true, Locale = "nl-NL", ExtraHTTPHeaders = BehindTlsProxy.Headers });
        var page = await context.NewPageAsync();

        await StaffBrowser.SignInFirstTimeAsync(page, _host, admin);

        await page.GetByRole(AriaRole.Link, new() { Name = "Beheer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Accounts" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "administration");
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = colleague.Email }).GetByRole(AriaRole.Button, new() { Name = "Nieuw wachtwoord" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Nieuw eenmalig wachtwoord voor collega@gemeente.test")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = RepositoryPaths.TestOutput("staff-administration.png"), FullPage = true });
        await AssertAccessibleAsync(page, "administration after a reset");
        await context.CloseAsync();
    }

    private static async Task AssertAccessibleAsync(IPage page, string name)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = RepositoryPaths.NodeModule("axe-core/axe.min.js") });
        await StaffBrowser.AssertNoAxeViolationsAsync(page, name);
    }
}
