using System.Net;
using Microsoft.Playwright;
using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.Live;

/// <summary>
/// The person's side of a live chat in the real page with the official Web Chat bundle: the offer, waiting, the team
/// member's name on their messages, "is typing" both ways, and the bot back at the end.
/// </summary>
[Collection(BrowserCollection.Name)]
public class LiveChatInWebChatTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_live_chat_in_Web_Chat_with_typing_both_ways()
    {
        await using var host = await SafeChatHost.StartAsync(HostSettings.Sqlite() with { Extra = ["--Handover:Hours=always"] });
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "nl-NL" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(host.BaseUrl.ToString());
        await Expect(Said(page, "ben je nu in gevaar")).ToBeVisibleAsync();
        await SuggestedAction(page, "Nee").ClickAsync();
        await Expect(SuggestedAction(page, "Met een mens praten")).ToBeVisibleAsync();
        await SuggestedAction(page, "Met een mens praten").ClickAsync();
        await Expect(Said(page, "niet de politie")).ToBeVisibleAsync();
        await SuggestedAction(page, "Ja, ik wacht").ClickAsync();
        await Expect(Said(page, "Je staat in de wachtrij")).ToBeVisibleAsync();

        var staff = await StaffClient.SignedInAsync(host, "responder");
        var id = (await staff.GetJsonAsync("/staff/api/live")).EnumerateArray().Single().GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsync($"/staff/api/live/{id}/claim")).StatusCode);
        await Expect(Said(page, "van het meldpunt is er nu")).ToBeVisibleAsync();

        // The team member types: Web Chat shows its typing indicator.
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsync($"/staff/api/live/{id}/typing")).StatusCode);
        await Expect(page.Locator(".webchat__typing-indicator")).ToBeVisibleAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsync($"/staff/api/live/{id}/messages", new { text = "Hoi, ik lees mee. Vertel maar." })).StatusCode);
        await Expect(Said(page, "Hoi, ik lees mee. Vertel maar.")).ToBeVisibleAsync();

        // The person types: the team member's stream says so, before any message is sent.
        using var events = await OpenEventsAsync(staff, id);
        await page.GetByPlaceholder("Typ je bericht").PressSequentiallyAsync("Er was een man die", new() { Delay = 50 });
        Assert.True(await events.SawAsync("event: typing", TimeSpan.FromSeconds(10)), "no typing event reached the team member");
        await page.GetByPlaceholder("Typ je bericht").PressAsync("End");
        await page.GetByPlaceholder("Typ je bericht").PressSequentiallyAsync(" me volgde vanaf de metro.");
        await page.GetByPlaceholder("Typ je bericht").PressAsync("Enter");
        Assert.True(await events.SawAsync("me volgde vanaf de metro", TimeSpan.FromSeconds(10)), "the message did not reach the team member's stream");

        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsync($"/staff/api/live/{id}/close", new { outcome = "afgerond" })).StatusCode);
        await Expect(Said(page, "is gestopt met het gesprek")).ToBeVisibleAsync();
        await Expect(SuggestedAction(page, "Terug naar het menu").Or(SuggestedAction(page, "Er is mij iets overkomen"))).ToBeVisibleAsync();
        await context.CloseAsync();
    }

    /// <summary>The staff push stream (Server-Sent Events), read as the page's EventSource would.</summary>
    private static async Task<EventStream> OpenEventsAsync(StaffClient staff, long id)
    {
        var response = await staff.Http.GetAsync($"/staff/api/live/{id}/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new EventStream(response, await response.Content.ReadAsStreamAsync());
    }

    private sealed class EventStream(HttpResponseMessage response, Stream body) : IDisposable
    {
        private readonly StreamReader _reader = new(body);
        private readonly List<string> _lines = [];

        public async Task<bool> SawAsync(string text, TimeSpan within)
        {
            using var timeout = new CancellationTokenSource(within);
            try
            {
                while (!_lines.Any(l => l.Contains(text)))
                    _lines.Add(await _reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException());
                return true;
            }
            catch (OperationCanceledException) { return false; }
        }

        public void Dispose()
        {
            _reader.Dispose();
            response.Dispose();
        }
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
    private static ILocator Said(IPage page, string text) => page.Locator(".webchat__bubble__content").GetByText(text).First;
    private static ILocator SuggestedAction(IPage page, string title) =>
        page.Locator("button.webchat__suggested-actions__button").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^{title}$") });
}
