using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.Live;

/// <summary>
/// A person on Web Chat (the official DirectLineJS client in chromium) asks for a person, waits, a team member takes the
/// chat through the staff API, messages go both ways, danger during the live chat still gets 112 at once and flags the
/// chat red, and when the team member ends it the bot is back with the menu.
/// </summary>
[Collection(BrowserCollection.Name)]
public class LiveChatJourneyTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("nl-NL", "Met een mens praten", "Ja, ik wacht", "van het meldpunt is er nu", "is gestopt met het gesprek")]
    [InlineData("en-US", "Talk to a person", "Yes, I will wait", "from the report point is here now", "has ended the chat")]
    public async Task Request_wait_claim_both_ways_danger_close_and_the_bot_is_back(string locale, string person, string wait, string joined, string ended)
    {
        await using var host = await SafeChatHost.StartAsync(HostSettings.Sqlite() with { Extra = ["--Handover:Hours=always"] });
        await using var chat = await DirectLineJsChat.StartAsync(browser, host, locale);
        await chat.SayAsync(locale == "en-US" ? "no" : "nee");

        var offer = await chat.SayAsync(person);
        Assert.Contains(wait, offer.Choices);
        Assert.Contains("112", offer.Text);
        var waiting = await chat.SayAsync(wait);
        Assert.Contains("stop", waiting.Text);

        var staff = await StaffClient.SignedInAsync(host, "responder");
        var inbox = (await staff.GetJsonAsync("/staff/api/live")).EnumerateArray().ToList();
        var id = Assert.Single(inbox, l => l.GetProperty("status").GetString() == "waiting").GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsync($"/staff/api/live/{id}/claim")).StatusCode);
        var (hello, _) = await chat.WaitForAsync(joined);
        Assert.StartsWith(LiveName(staff), hello);

        // Both ways.
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsync($"/staff/api/live/{id}/messages", new { text = "Hoi, ik ben er. Wat is er gebeurd?" })).StatusCode);
        var (fromStaff, name) = await chat.WaitForAsync("Wat is er gebeurd?");
        Assert.Equal(LiveName(staff), name);
        var english = locale == "en-US";
        await chat.SendAsync(english ? "A man shouted things at me at the tram stop" : "Een man riep dingen naar me bij de tramhalte");
        List<JsonElement> messages = [];
        Assert.True(await Eventually.HoldsAsync(async () =>
        {
            messages = (await staff.GetJsonAsync($"/staff/api/live/{id}/messages")).EnumerateArray().ToList();
            return messages.Any(m => m.GetProperty("from").GetString() == "person" && m.GetProperty("text").GetString()!.Contains(english ? "tram stop" : "tramhalte"));
        }));
        Assert.Contains(messages, m => m.GetProperty("from").GetString() == "staff");

        // Danger during the live chat: 112 from the bot at once, a red flag for staff.
        await chat.SendAsync(english ? "he is next to me again right now and he grabs my arm" : "hij staat nu weer naast me en hij pakt mijn arm");
        await chat.WaitForAsync("112");
        Assert.True(await Eventually.HoldsAsync(async () => (await staff.GetJsonAsync("/staff/api/live")).EnumerateArray()
            .Any(l => l.GetProperty("id").GetInt64() == id && l.GetProperty("danger").GetBoolean())));

        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsync($"/staff/api/live/{id}/close", new { outcome = "doorverwezen" })).StatusCode);
        await chat.WaitForAsync(ended);
        var back = await chat.SayAsync("menu");
        Assert.NotEmpty(back.Choices); // the bot answers again
    }

    [Fact]
    public async Task A_second_staff_member_cannot_post_into_a_held_chat_and_a_supervisor_can_take_it_over()
    {
        await using var host = await SafeChatHost.StartAsync(HostSettings.Sqlite() with { Extra = ["--Handover:Hours=always"] });
        await using var chat = await DirectLineJsChat.StartAsync(browser, host);
        await chat.SayAsync("nee");
        await chat.SayAsync("Met een mens praten");
        await chat.SayAsync("Ja, ik wacht");
        var first = await StaffClient.SignedInAsync(host, "responder");
        var second = await StaffClient.SignedInAsync(host, "responder");
        var supervisor = await StaffClient.SignedInAsync(host, "supervisor");
        var id = (await first.GetJsonAsync("/staff/api/live")).EnumerateArray().Single().GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.NoContent, (await first.PostAsync($"/staff/api/live/{id}/claim")).StatusCode);

        Assert.Equal(HttpStatusCode.Conflict, (await second.PostAsync($"/staff/api/live/{id}/claim")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await second.PostAsync($"/staff/api/live/{id}/messages", new { text = "ik ook" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await supervisor.PostAsync($"/staff/api/live/{id}/claim")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await first.PostAsync($"/staff/api/live/{id}/messages", new { text = "nog iets" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await supervisor.PostAsync($"/staff/api/live/{id}/messages", new { text = "Ik neem het over." })).StatusCode);
        await chat.WaitForAsync("Ik neem het over.");

        var audit = (await supervisor.GetJsonAsync("/staff/api/audit")).EnumerateArray().Select(a => a.GetProperty("action").GetString()).ToList();
        Assert.Contains("claimed-live-chat", audit);
        Assert.Contains("took-over-live-chat", audit);
        Assert.Contains("sent-live-message", audit);
    }

    [Fact]
    public async Task Off_duty_says_so_with_the_hours_and_the_lines_that_are_always_there_and_keeps_no_one_waiting()
    {
        // Wednesday 2 December 2026, 21:00 in Rotterdam: outside the default mon-fri 09:00-17:00.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 20, 0, 0, TimeSpan.Zero));
        await using var host = await SafeChatHost.StartAsync(HostSettings.Sqlite(), services => services.AddSingleton<TimeProvider>(clock));
        await using var chat = await DirectLineJsChat.StartAsync(browser, host);
        await chat.SayAsync("nee");

        var answer = await chat.SayAsync("Met een mens praten");

        Assert.Contains("op werkdagen van 9 tot 17 uur", answer.Text);
        Assert.DoesNotContain("Ja, ik wacht", answer.Choices);
        Assert.True(answer.Offers("slachtofferhulp"));
        var staff = await StaffClient.SignedInAsync(host, "responder");
        Assert.Empty((await staff.GetJsonAsync("/staff/api/live")).EnumerateArray());
    }

    [Fact]
    public async Task Stop_while_waiting_takes_the_person_out_of_the_queue()
    {
        await using var host = await SafeChatHost.StartAsync(HostSettings.Sqlite() with { Extra = ["--Handover:Hours=always"] });
        await using var chat = await DirectLineJsChat.StartAsync(browser, host);
        await chat.SayAsync("nee");
        await chat.SayAsync("Met een mens praten");
        await chat.SayAsync("Ja, ik wacht");
        var still = await chat.SayAsync("hallo?");
        Assert.Contains("minuten", still.Text);

        var stopped = await chat.SayAsync("stop");

        Assert.Contains("Je wacht niet meer", stopped.Text);
        var staff = await StaffClient.SignedInAsync(host, "responder");
        Assert.Empty((await staff.GetJsonAsync("/staff/api/live")).EnumerateArray());
    }

    private static string LiveName(StaffClient staff) => SafeChat.Bot.Staff.Live.LiveService.FirstName(staff.Account.Email);
}
