using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.Twilio;

/// <summary>WhatsApp: quick-reply buttons, media, and the 24-hour window, with a clock the test controls.</summary>
public sealed class WhatsAppConversationTests : TwilioHostTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero));

    protected override void Configure(IServiceCollection services) => services.AddSingleton<TimeProvider>(_clock);

    private async Task<IReadOnlyList<FakeTwilioApi.Sent>> SayAsync(TwilioPhone phone, string body, IEnumerable<KeyValuePair<string, string>>? extra = null)
    {
        var before = Twilio.To(phone.Address).Count;
        await phone.SendAsync(body, extra: extra);
        return await Twilio.WaitForAsync(phone.Address, s => s.Count > before);
    }

    [Fact]
    public async Task Up_to_three_choices_are_quick_reply_buttons_and_a_tap_answers_with_its_id()
    {
        var phone = new TwilioPhone(Host, "+31612350001", "whatsapp");
        await phone.SendAsync("Hoi");
        var greeting = await Twilio.WaitForAsync(phone.Address, s => s.Any(m => m.ContentSid is not null));

        var question = greeting.Single(m => m.ContentSid is not null);
        var content = Twilio.Contents[question.ContentSid!];
        Assert.Contains("twilio/quick-reply", content);
        Assert.Contains("\"id\":\"yes\"", content);
        Assert.Contains("\"title\":\"Nee\"", content);

        var menu = await SayAsync(phone, "Nee", [new("ButtonPayload", "no"), new("ButtonText", "Nee"), new("MessageType", "interactive"), new("ProfileName", "Jan")]);
        Assert.Contains("5. ", menu.Last().Body); // five choices: a numbered list, not buttons

        var other = new TwilioPhone(Host, "+31612350002", "whatsapp");
        await other.SendAsync("Hallo");
        var again = await Twilio.WaitForAsync(other.Address, s => s.Any(m => m.ContentSid is not null));
        Assert.Equal(question.ContentSid, again.Single(m => m.ContentSid is not null).ContentSid); // created once, reused
    }

    [Fact]
    public async Task A_photo_is_acknowledged_not_downloaded_and_the_question_comes_back()
    {
        var phone = new TwilioPhone(Host, "+31612350003", "whatsapp");
        await phone.SendAsync("Hoi");
        await Twilio.WaitForAsync(phone.Address, s => s.Any(m => m.ContentSid is not null));

        var reply = await SayAsync(phone, "", [new("NumMedia", "1"), new("MediaUrl0", "https://api.twilio.com/media/ME1"), new("MediaContentType0", "image/jpeg")]);

        Assert.Contains("bewaar ze niet", string.Join("\n", reply.Select(Twilio.Shown)));
    }

    [Fact]
    public async Task After_24_hours_only_the_template_goes_out_and_the_reply_follows_when_the_person_answers()
    {
        var (phone, before) = await StaffReplyHeldAfterTheWindowAsync("+31612350004");

        var released = await SayAsync(phone, "JA");
        Assert.Contains(released, m => m.Body.Contains("We hebben je melding gelezen."));
        await Task.Delay(1000);
        Assert.DoesNotContain(Twilio.To(phone.Address).Skip(before), m => m.Body.Contains("niet zeker")); // "JA" was not taken as an answer
    }

    [Fact]
    public async Task An_answer_to_the_template_that_speaks_of_danger_is_a_turn_and_112_comes()
    {
        var (phone, _) = await StaffReplyHeldAfterTheWindowAsync("+31612350014");
        var sentBefore = Twilio.To(phone.Address).Count;

        await phone.SendAsync("hij staat nu voor mijn deur met een mes");

        var sent = await Twilio.WaitForAsync(phone.Address, s => s.Skip(sentBefore).Any(m => Twilio.Shown(m).Contains("Bel nu 112")));
        Assert.Contains(sent.Skip(sentBefore), m => m.Body.Contains("We hebben je melding gelezen.")); // the held reply went too
    }

    /// <summary>A report made on WhatsApp, then 25 hours later a staff reply: only the window template goes out.</summary>
    private async Task<(TwilioPhone Phone, int Before)> StaffReplyHeldAfterTheWindowAsync(string number)
    {
        var phone = new TwilioPhone(Host, number, "whatsapp");
        await phone.SendAsync("Hoi");
        await Twilio.WaitForAsync(phone.Address, s => s.Any(m => m.ContentSid is not null));
        foreach (var answer in new[] { "ik wil een melding maken", "1", "2", "1", "1", "overslaan", "3", "overslaan", "2", "2", "1" })
            await SayAsync(phone, answer);
        await Twilio.WaitForAsync(phone.Address, s => s.Any(m => Twilio.Shown(m).Contains("status "))); // messages arrive one by one
        var code = System.Text.RegularExpressions.Regex.Match(string.Join("\n", Twilio.To(phone.Address).Select(Twilio.Shown)), @"status ([A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5})").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(code));

        var staff = await StaffClient.SignedInAsync(Host, "responder");
        var item = (await staff.GetJsonAsync("/staff/api/queue")).EnumerateArray().Single(c => c.GetProperty("code").GetString() == code);
        Assert.True(item.GetProperty("windowLimited").GetBoolean(), "the case deadline is the WhatsApp window's end, which comes first");

        _clock.Advance(TimeSpan.FromHours(25));
        staff = await StaffClient.SignedInAsync(Host, "responder");
        var before = Twilio.To(phone.Address).Count;
        await staff.PostAsync($"/staff/api/cases/{item.GetProperty("id").GetInt64()}/reply", new { text = "We hebben je melding gelezen." });

        var template = await Twilio.WaitForAsync(phone.Address, s => s.Count > before);
        Assert.Equal(TwilioPhone.WindowTemplate, template.Last().ContentSid);
        await Task.Delay(1000);
        Assert.DoesNotContain(Twilio.To(phone.Address), m => m.Body.Contains("We hebben je melding gelezen.")); // held until the person writes back
        return (phone, before);
    }

    [Fact]
    public async Task A_63016_fromTwilio_turns_into_the_template_path()
    {
        var phone = new TwilioPhone(Host, "+31612350005", "whatsapp");
        Twilio.WindowClosed = true;
        await phone.SendAsync("Hoi");

        var sent = await Twilio.WaitForAsync(phone.Address, s => s.Any(m => m.ContentSid == TwilioPhone.WindowTemplate));
        Assert.DoesNotContain(sent, m => m.Body.Contains("automatische assistent"));

        Twilio.WindowClosed = false;
        var after = await SayAsync(phone, "JA");
        Assert.Contains(after, m => m.Body.Contains("automatische assistent"));
    }
}
