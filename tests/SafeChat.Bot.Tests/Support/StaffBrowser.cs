using System.Text.Json;
using Microsoft.Playwright;
using SafeChat.Bot.Staff.Accounts;

namespace SafeChat.Bot.Tests.Support;

/// <summary>A staff member in the real browser: the first sign-in (one-time password, TOTP code, own password), and axe-core.</summary>
public static class StaffBrowser
{
    public static async Task SignInFirstTimeAsync(IPage page, SafeChatHost host, StaffAccounts.NewAccount account)
    {
        await page.GotoAsync(new Uri(host.BaseUrl, "/staff/sign-in").ToString());
        await page.GetByLabel("E-mailadres").FillAsync(account.Email);
        await page.GetByLabel("Wachtwoord").FillAsync(account.OneTimePassword);
        await page.GetByLabel("Code uit je authenticator-app").FillAsync(StaffClient.Code(account.TotpSecret));
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();
        await page.GetByLabel("Nieuw wachtwoord").FillAsync(StaffClient.NewPassword);
        await page.GetByLabel("Nog een keer").FillAsync(StaffClient.NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
    }

    /// <summary>Loads axe-core into every page of the context as an init script: that way it runs under the pages' own CSP,
    /// which an injected script tag would break.</summary>
    public static Task LoadAxeAsync(IBrowserContext context) =>
        context.AddInitScriptAsync(scriptPath: RepositoryPaths.NodeModule("axe-core/axe.min.js"));

    /// <summary>WCAG 2.1 A and AA by axe-core; the page must have axe loaded.</summary>
    public static async Task AssertNoAxeViolationsAsync(IPage page, string name)
    {
        var result = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations" +
            ".map(v => v.id + ': ' + v.help + ' (' + v.nodes.length + ')')");
        var violations = result.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(violations.Count == 0, $"axe on {name}: {string.Join("; ", violations)}");
    }
}
