using SafeChat.Dialogs.Flows;

namespace SafeChat.Dialogs.Tests.Engine;

/// <summary>Issue 12 in the engine: safety on every path, the law said carefully, the next thing people need to know.</summary>
public class WhatTheBotSaysTests
{
    private static EngineDriver AtMenu(string locale = "nl-NL", DateTimeOffset? now = null)
    {
        var chat = new EngineDriver { Now = now ?? DateTimeOffset.UtcNow };
        chat.Start(locale);
        chat.Say(locale == "en-US" ? "no" : "nee");
        return chat;
    }

    [Theory]
    [InlineData("Iemand volgde mij")]
    [InlineData("Iemand raakte mij aan")]
    public void Followed_or_touched_asks_first_whether_that_person_is_still_near(string choice)
    {
        var chat = AtMenu();
        chat.Say("Er is mij iets overkomen");

        var asked = chat.Say(choice);

        Assert.Equal("emergency", asked.Contacts().FirstOrDefault());
        Assert.Contains("Ja, nog in de buurt", asked.Choices());
        var yes = chat.Say("ja");
        Assert.StartsWith("Bel nu", yes[0].Text);
        Assert.Equal(Flow.WhenSafe, chat.State.Active!.Dialog);
        var over = chat.Say("nee, nu niet meer");
        Assert.DoesNotContain("emergency", over.Contacts().Take(1));
    }

    [Fact]
    public void Gone_goes_on_to_what_happened()
    {
        var chat = AtMenu();
        chat.Say("Er is mij iets overkomen");
        chat.Say("Iemand volgde mij");

        var replies = chat.Say("Nee, niet meer");

        Assert.Contains("kan strafbaar zijn", replies.Texts());
        Assert.Equal(Flow.StreetHarassment, chat.State.Active!.Dialog);
    }

    [Fact]
    public void Back_at_the_first_question_of_a_handed_over_flow_returns_to_the_question_before()
    {
        var chat = AtMenu();
        chat.Say("Er is mij iets overkomen");
        chat.Say("Iemand volgde mij");
        chat.Say("Nee, niet meer");

        var replies = chat.Say("terug");

        Assert.Contains("Nee, niet meer", replies.Choices());
        Assert.Equal(Flow.HappenedToMe, chat.State.Active!.Dialog);
    }

    [Fact]
    public void Back_at_a_flows_first_question_returns_to_the_menu()
    {
        var chat = AtMenu();
        chat.Say("Er is mij iets overkomen");

        var replies = chat.Say("terug");

        Assert.Contains("Er is mij iets overkomen", replies.Choices());
    }

    [Fact]
    public void Back_to_the_menu_shows_the_menu()
    {
        var chat = AtMenu();
        chat.Say("Wat is straatintimidatie?");

        var replies = chat.Say("Terug naar het menu");

        Assert.Equal(5, replies.Choices().Count);
        Assert.Contains("Er is mij iets overkomen", replies.Choices());
    }

    [Fact]
    public void A_bystander_who_taps_happening_now_gets_112_and_what_to_do_before_any_question()
    {
        var chat = AtMenu();
        chat.Say("Ik zag iets of wil iemand helpen");

        var replies = chat.Say("Het gebeurt nu");

        Assert.Equal("emergency", replies.Contacts().FirstOrDefault());
        Assert.Contains("op afstand", replies.Texts());
        var safe = chat.Say("Ja, het is veilig");
        Assert.Contains("emergency", safe.Contacts()); // the safe branch names 112 too
        Assert.Contains("haar of hem", safe.Texts());
        Assert.Contains("iemand anders al helpt", safe.Texts()); // filming only then
    }

    [Theory]
    [InlineData("een man riep naar me op straat", false)]
    [InlineData("mijn oom heeft me vorige maand aangerand", true)]
    public void An_anonymous_tip_is_offered_only_where_it_fits(string story, bool offered)
    {
        var chat = AtMenu();
        chat.Say(story);
        var choices = chat.Say("Melden of aangifte doen?").Choices();
        if (choices.Count == 0) choices = chat.Say("Melden of aangifte doen?").Choices();

        Assert.Equal(offered, choices.Contains("Anonieme tip"));
    }

    [Fact]
    public void Recent_sexual_violence_offers_what_keeps_traces_and_pep_as_information()
    {
        var chat = AtMenu();
        var route = chat.Say("ik ben gisteren verkracht");
        Assert.Contains("csg", route.Contacts());

        var info = chat.Say("ja");

        Assert.Contains("72 uur", info.Texts());
        Assert.Contains("papieren zak", info.Texts());
        Assert.Contains("Als je dat wilt", info.Texts());
    }

    [Theory]
    [InlineData("2026-12-04T21:00:00+01:00", "maandag 7 december")] // Friday night → Monday
    [InlineData("2026-12-02T10:00:00+01:00", "vandaag")]             // Wednesday morning
    public void A_report_says_when_it_will_be_read(string sentAt, string readOn)
    {
        var chat = AtMenu(now: DateTimeOffset.Parse(sentAt, System.Globalization.CultureInfo.InvariantCulture));
        var intro = chat.Say("ik wil een melding maken");
        Assert.Contains("112", intro[0].Text);
        chat.Say("Mij");
        chat.Say("Aanraken of vastpakken");
        chat.Say("Dit is alles");
        chat.Say("Centrum");
        chat.Say("Overslaan");
        chat.Say("Vandaag");
        chat.Say("Overslaan");
        chat.Say("Nee, dat hoeft niet");
        var sent = chat.Say("Versturen");

        Assert.Single(chat.LastEffects);
        Assert.Contains(readOn, sent.Texts());
        Assert.Contains("Je werd aangeraakt", sent.Texts());
        var help = chat.Say("ja");
        Assert.Contains("csg", help.Contacts());
    }

    [Fact]
    public void Harassment_about_a_headscarf_points_to_discrimination_reporting()
    {
        var chat = AtMenu();

        var replies = chat.Say("een man riep me na en schold op mijn hoofddoek");

        Assert.Contains("discriminatie", replies.Contacts());
    }

    [Fact]
    public void An_lgbti_person_going_to_the_police_hears_of_roze_in_blauw()
    {
        var chat = AtMenu();
        chat.Say("ik ben lesbisch en werd op straat uitgescholden");

        var replies = chat.Say("ik wil aangifte doen");

        Assert.Contains("roze-in-blauw", replies.Contacts());
        Assert.Contains("niet anoniem", replies.Texts());
    }
}

public class NeighbourTests
{
    [Theory]
    [InlineData("mijn buurvrouw mag van haar man nooit de deur uit, ik maak me zorgen om haar")]
    [InlineData("the woman next door is never allowed out by her husband and I'm worried about her")]
    public void A_neighbour_worried_about_a_woman_kept_inside_is_sent_to_veilig_thuis(string message)
    {
        var chat = new EngineDriver();
        chat.Start(message.StartsWith("the", StringComparison.Ordinal) ? "en-US" : "nl-NL");
        chat.Say(message.StartsWith("the", StringComparison.Ordinal) ? "no" : "nee");

        var replies = chat.Say(message);

        Assert.True(replies.Contacts().Contains("veilig-thuis"), replies.Texts());
        Assert.DoesNotContain("csg", replies.Contacts());
    }
}
