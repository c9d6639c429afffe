using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.Content;

/// <summary>
/// Issue 12, bullet by bullet, as a person meets it through the official DirectLineJS client in a browser, in Dutch and
/// English: safety first on every path, correct about the law and the routes, and what people need to know next.
/// </summary>
[Collection(BrowserCollection.Name)]
public class WhatTheBotSaysJourneyTests(BrowserFixture browser, SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private Task<DirectLineJsChat> StartAsync(string locale) => DirectLineJsChat.StartAsync(browser, fixture.Host, locale);

    private static string No(string locale) => locale == "en-US" ? "No" : "Nee";

    [Theory]
    [InlineData("nl-NL", "Er is mij iets overkomen", "Iemand volgde mij", "Ja, nog in de buurt")]
    [InlineData("en-US", "Something happened to me", "Someone followed me", "Yes, still nearby")]
    public async Task A_victim_who_taps_followed_is_first_asked_whether_that_person_is_still_near(string locale, string happened, string followed, string near)
    {
        await using var chat = await StartAsync(locale);
        await chat.SayAsync(No(locale));
        await chat.SayAsync(happened);

        var asked = await chat.SayAsync(followed);
        Assert.Equal("emergency", asked.HelpLines.FirstOrDefault());
        Assert.Contains(near, asked.Choices);

        var yes = await chat.SayAsync(near);
        Assert.Equal("emergency", yes.HelpLines.FirstOrDefault());
        Assert.DoesNotContain("?", yes.Replies[^1].Text); // "Bel nu 112" and how — not the danger question again
    }

    [Theory]
    [InlineData("nl-NL", "ik zie nu dat een man een meisje in de tram lastigvalt en niet ophoudt")]
    [InlineData("en-US", "right now a guy on the tram keeps harassing a girl and won't stop")]
    public async Task A_bystander_at_a_scene_now_gets_112_and_safe_things_to_do_in_the_first_reply(string locale, string message)
    {
        await using var chat = await StartAsync(locale);
        await chat.SayAsync(No(locale));

        var turn = await chat.SayAsync(message);

        Assert.Equal("emergency", turn.HelpLines.FirstOrDefault());
        Assert.Contains(locale == "en-US" ? "keep your distance" : "op afstand", turn.Text);
        Assert.True(turn.Replies.Count <= 3, turn.Text); // at most two messages before the question
    }

    [Theory]
    [InlineData("nl-NL", "ik ben gisteravond aangerand door een jongen van mijn studie", "Ja", "72")]
    [InlineData("en-US", "a guy from my course assaulted me last night", "Yes", "72")]
    public async Task Recent_sexual_assault_by_someone_known_goes_to_csg_and_offers_what_to_know_about_traces_and_pep(string locale, string message, string yes, string hours)
    {
        await using var chat = await StartAsync(locale);
        await chat.SayAsync(No(locale));

        var route = await chat.SayAsync(message);
        Assert.True(route.Offers("csg"), route.Text);
        Assert.False(route.Offers("veilig-thuis"), route.Text);

        var info = await chat.SayAsync(yes);
        Assert.Contains(hours, info.Text);
        Assert.Contains("PEP", info.Text);
    }

    [Theory]
    [InlineData("nl-NL", "ik wil aangifte doen", "niet anoniem", "tolk")]
    [InlineData("en-US", "I want to file a police complaint", "not anonymous", "interpreter")]
    public async Task An_aangifte_is_explained_as_confidential_not_anonymous_with_a_free_interpreter(string locale, string message, string notAnonymous, string interpreter)
    {
        await using var chat = await StartAsync(locale);
        await chat.SayAsync(No(locale));

        var turn = await chat.SayAsync(message);

        Assert.Contains(notAnonymous, turn.Text);
        Assert.Contains(interpreter, turn.Text);
        Assert.True(turn.Offers("police"), turn.Text);
    }

    [Theory]
    [InlineData("nl-NL", "een man riep gisteren vieze dingen naar me op straat", "kan strafbaar zijn", "Melden of aangifte doen?", "Anonieme tip")]
    [InlineData("en-US", "a man shouted dirty things at me in the street yesterday", "can be a criminal offence", "Report it or go to the police?", "Anonymous tip")]
    public async Task Catcalling_can_be_punishable_and_is_not_sent_to_meld_misdaad_anoniem(string locale, string message, string canBe, string decide, string tip)
    {
        await using var chat = await StartAsync(locale);
        await chat.SayAsync(No(locale));

        var named = await chat.SayAsync(message);
        Assert.Contains(canBe, named.Text);

        var choices = await chat.SayAsync(decide);
        Assert.DoesNotContain(tip, choices.Choices);
        Assert.False(choices.Offers("meld-misdaad-anoniem"));
    }

    [Theory]
    [InlineData("nl-NL", "een man schreeuwde racistische dingen over mijn hoofddoek en riep me na")]
    [InlineData("en-US", "a man shouted racist things about my hijab and catcalled me")]
    public async Task Harassment_that_is_also_racist_is_pointed_to_discrimination_reporting(string locale, string message)
    {
        await using var chat = await StartAsync(locale);
        await chat.SayAsync(No(locale));

        var turn = await chat.SayAsync(message);

        Assert.Contains("Discriminatie.nl", turn.Text);
    }

    [Theory]
    [InlineData("nl-NL", "ik wil een melding maken", "112")]
    [InlineData("en-US", "I want to make a report", "112")]
    public async Task The_report_says_it_is_not_for_emergencies_and_gives_no_unsourced_city_number(string locale, string message, string emergency)
    {
        await using var chat = await StartAsync(locale);
        await chat.SayAsync(No(locale));

        var turn = await chat.SayAsync(message);

        Assert.Contains(emergency, turn.Replies[0].Text);
        Assert.DoesNotContain("14 010", turn.Text);
    }

    [Theory]
    [InlineData("nl-NL", "Wat is straatintimidatie?", "Wat valt er nog meer onder?", "online")]
    [InlineData("en-US", "What is street harassment?", "What else does it cover?", "online")]
    public async Task What_counts_covers_other_laws_and_online_harassment_on_request(string locale, string ask, string more, string online)
    {
        await using var chat = await StartAsync(locale);
        await chat.SayAsync(No(locale));
        await chat.SayAsync(ask);

        var turn = await chat.SayAsync(more);

        Assert.Contains(online, turn.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("nl-NL", "Er is mij iets overkomen", "Iemand volgde mij", "Nee, niet meer", "terug")]
    [InlineData("en-US", "Something happened to me", "Someone followed me", "No, not any more", "back")]
    public async Task Back_works_across_the_hand_over_from_one_flow_to_the_next(string locale, string happened, string followed, string gone, string back)
    {
        await using var chat = await StartAsync(locale);
        await chat.SayAsync(No(locale));
        await chat.SayAsync(happened);
        await chat.SayAsync(followed);
        await chat.SayAsync(gone); // on to the street-harassment flow

        var turn = await chat.SayAsync(back);

        Assert.Contains(gone, turn.Choices); // the question before, from the flow that handed over
    }
}
