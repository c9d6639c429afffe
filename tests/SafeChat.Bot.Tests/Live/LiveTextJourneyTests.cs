using System.Diagnostics;
using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.Live;

/// <summary>
/// A live chat by text message, through the Twilio stand-in: the person texts, asks for a person, waits; a team member
/// takes the chat through the staff API; messages go both ways (the team's as outbound Twilio messages to the person's
/// number, signed with the member's first name; the person's in the staff transcript); danger said in everyday words
/// still gets 112 at once and flags the chat red; the team member ends it and the bot answers again.
/// </summary>
public abstract class LiveTextJourneyTests(string channel) : TwilioHostTests
{
    protected override IEnumerable<string> Settings => ["--Handover:Hours=always"];

    /// <summary>Up to the moment the team member has joined: the person's thread, the staff member and the chat.</summary>
    protected async Task<(TextThread Person, StaffClient Staff, long Id)> JoinedAsync(string number)
    {
        var person = new TextThread(Twilio, new TwilioPhone(Host, number, channel));
        await person.SayAsync("Hoi", until: "Nee");
        var menu = await person.SayAsync("Nee", until: "5. ");
        // SMS people answer with the number of a choice; on WhatsApp they type the words.
        var offer = await person.SayAsync(channel == "sms" ? TextThread.Number(menu, "Met een mens praten") : "Met een mens praten", until: "Ja, ik wacht");
        Assert.Contains("112", offer);
        Assert.Contains("niet de politie", offer);
        await person.SayAsync("ja ik wacht", until: "wachtrij");

        var staff = await StaffClient.SignedInAsync(Host, "responder");
        var id = await LiveInbox.WaitingAsync(staff, channel);
        await LiveInbox.ClaimAsync(staff, id);
        var joined = await person.WaitForAsync("van het meldpunt is er nu");
        Assert.Contains(LiveInbox.FirstName(staff) + " van het meldpunt", joined);
        return (person, staff, id);
    }

    [Fact]
    public async Task Request_wait_claim_both_ways_danger_close_and_the_bot_is_back()
    {
        var (person, staff, id) = await JoinedAsync(channel == "sms" ? "+31612360001" : "+31612360101");

        await LiveInbox.SendAsync(staff, id, "Hoi, ik ben er. Wat is er gebeurd?");
        var fromStaff = await person.WaitForAsync("Wat is er gebeurd?");
        Assert.StartsWith(LiveInbox.FirstName(staff) + ": Hoi, ik ben er.", fromStaff); // a text shows no sender: the name says who
        await person.Phone.SendAsync("Een man riep dingen naar me bij de tramhalte");
        var transcript = await LiveInbox.SeenAsync(staff, id, "person", "tramhalte");
        Assert.Contains(transcript, m => m.GetProperty("from").GetString() == "staff" && m.GetProperty("text").GetString()!.Contains("Wat is er gebeurd?"));
        await Task.Delay(1000);
        Assert.Empty(person.Unread()); // the bot stays quiet while a person holds the chat, also on an account of harassment

        // Danger during the live chat, in everyday words: 112 from the bot at once, a red flag for staff.
        var clock = Stopwatch.StartNew();
        var safety = await person.SayAsync("hij staat weer voor mijn deur", until: "112");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"112 took {clock.Elapsed}");
        Assert.Contains("Bel nu 112", safety);
        Assert.True(await LiveInbox.FlaggedAsync(staff, id));

        await LiveInbox.CloseAsync(staff, id);
        await person.WaitForAsync("gestopt met het gesprek");
        var back = await person.SayAsync("menu", until: "5. ");
        Assert.Contains("Met een mens praten", back); // the bot answers again, with the menu
    }
}

public sealed class LiveSmsJourneyTests() : LiveTextJourneyTests("sms")
{
    [Fact]
    public async Task After_STOP_the_team_member_is_told_and_nothing_more_reaches_the_phone()
    {
        var (person, staff, id) = await JoinedAsync("+31612360002");
        await LiveInbox.SendAsync(staff, id, "Ben je er nog?");
        await person.WaitForAsync("Ben je er nog?");

        await person.Phone.SendAsync("STOP");
        await LiveInbox.SeenAsync(staff, id, "person", "STOP");
        var refused = await staff.PostAsync($"/staff/api/live/{id}/messages", new { text = "Hallo?" });
        Assert.Equal(System.Net.HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("STOP", await refused.Content.ReadAsStringAsync());
        await LiveInbox.CloseAsync(staff, id);
        await Task.Delay(1500);

        Assert.Empty(person.Unread()); // neither the message nor the goodbye
        Assert.DoesNotContain(await LiveInbox.SeenAsync(staff, id, "person", "STOP"), m => m.GetProperty("text").GetString()!.Contains("Hallo?"));
    }
}

public sealed class LiveWhatsAppJourneyTests() : LiveTextJourneyTests("whatsapp")
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero));

    protected override void Configure(Microsoft.Extensions.DependencyInjection.IServiceCollection services) =>
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<TimeProvider>(services, _clock);

    [Fact]
    public async Task After_24_hours_a_team_message_waits_behind_one_window_template_as_bot_replies_do_and_follows_the_answer()
    {
        var (person, staff, id) = await JoinedAsync("+31612360102");
        await LiveInbox.SendAsync(staff, id, "Ik kijk even wat we kunnen doen.");
        await person.WaitForAsync("Ik kijk even");

        _clock.Advance(TimeSpan.FromHours(25));
        staff = await StaffClient.SignedInAsync(Host, "supervisor"); // the first session has expired a day later
        await LiveInbox.ClaimAsync(staff, id);
        await LiveInbox.SendAsync(staff, id, "Ik heb nieuws over je vraag.");
        await LiveInbox.SendAsync(staff, id, "Schrijf je even terug?");
        var template = await Twilio.WaitForAsync(person.Phone.Address, s => s.Any(m => m.ContentSid == TwilioPhone.WindowTemplate));
        await Task.Delay(1000);
        var held = person.Unread();
        Assert.Single(held, m => m.ContentSid == TwilioPhone.WindowTemplate); // one request to write back, however many wait
        Assert.DoesNotContain(held, m => m.Body.Contains("nieuws")); // free text is held outside the window

        await person.Phone.SendAsync("JA");
        var released = await person.WaitForAsync("Schrijf je even terug?");
        Assert.True(released.IndexOf("nieuws", StringComparison.Ordinal) < released.IndexOf("Schrijf", StringComparison.Ordinal), released); // in order
        await LiveInbox.SeenAsync(staff, id, "person", "JA");
        Assert.NotEmpty(template);
    }
}
