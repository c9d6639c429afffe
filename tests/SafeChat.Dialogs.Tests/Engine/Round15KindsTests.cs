using SafeChat.Dialogs.Flows;

namespace SafeChat.Dialogs.Tests.Engine;

/// <summary>
/// The kinds of conversation blind batch 15 showed, each in words of its own (not the batch's): "thanks, that's all" at
/// a question got "I did not understand"; after "Bel nu 112", "oké, kunnen we verder?" counted as yes to "still in
/// danger?", "ik ben veilig, kunnen we verder?" was not understood, and "the boys are gone" did not count; a
/// question that merely named Dutch switched an English conversation to Dutch; "wil je het hebben over …?" answered by
/// telling more was asked again afterwards; a past story at the bystander's "what is it about?", a question about the
/// police at "what do you want to do now?" and "wat is het verschil dan?" got "I did not understand".
/// </summary>
public class Round15KindsTests
{
    [Theory]
    [InlineData("nl-NL", "oké top, dat was alles")]
    [InlineData("nl-NL", "dankjewel, verder niks")]
    [InlineData("en-US", "ok thank you, nothing else")]
    [InlineData("en-US", "great, that's all")]
    public void Saying_one_is_done_at_a_question_ends_with_a_goodbye(string locale, string reply)
    {
        var chat = AfterTheLawQuestion(locale);

        var replies = chat.Say(reply);

        Assert.Null(chat.State.Active);
        Assert.DoesNotContain("begreep", replies.Texts());
        Assert.DoesNotContain("understand", replies.Texts());
    }

    [Fact]
    public void Saying_one_is_done_halfway_a_report_does_not_throw_the_report_away()
    {
        var chat = EngineDriver.AtMenu("nl-NL");
        chat.Say("ik wil een melding maken");
        Assert.Equal(Flow.Report, chat.State.Active?.Dialog);

        chat.Say("dat was het");

        Assert.Equal(Flow.Report, chat.State.Active?.Dialog);
    }

    [Theory]
    [InlineData("en-US", "thanks, good to know")]
    [InlineData("nl-NL", "dank je, daar heb ik wat aan")]
    public void Thanks_with_a_word_of_praise_is_thanks(string locale, string reply)
    {
        var chat = AfterTheLawQuestion(locale);
        var asked = chat.State.Active?.Prompt?.TextKey;

        var replies = chat.Say(reply);

        Assert.DoesNotContain("emergency", replies.Contacts());
        Assert.Equal(asked, chat.State.Active?.Prompt?.TextKey);
    }

    /// <summary>"oké" starts many replies; to "are you still in danger?" it is no yes. Asking to go on with the report
    /// goes back to its question.</summary>
    [Theory]
    [InlineData("nl-NL", "oke, zullen we verder gaan met de melding")]
    [InlineData("en-US", "okay. can we continue with the report")]
    public void Asking_to_go_on_after_112_goes_back_to_the_waiting_question(string locale, string reply)
    {
        var chat = InDangerDuringAReport(locale);

        var replies = chat.Say(reply);

        Assert.Equal(Flow.Report, chat.State.Active?.Dialog);
        Assert.DoesNotContain("begreep", replies.Texts());
        Assert.DoesNotContain("understand", replies.Texts());
        Assert.NotNull(chat.State.SaidNoDangerAt);
    }

    [Theory]
    [InlineData("nl-NL", "oke, hij is ook uitgestapt en loopt achter me aan")]
    [InlineData("en-US", "ok, he got off too and is walking behind me")]
    public void A_leading_ok_before_danger_is_still_danger(string locale, string reply)
    {
        var chat = InDangerDuringAReport(locale);

        var replies = chat.Say(reply);

        Assert.Contains("emergency", replies.Contacts());
        Assert.Equal(Flow.WhenSafe, chat.State.Active?.Dialog);
    }

    [Theory]
    [InlineData("nl-NL", "ik ben nu veilig, kunnen we verder?")]
    [InlineData("en-US", "i'm safe now, can we go on?")]
    [InlineData("nl-NL", "ik zit nu bij de beveiliging")]
    [InlineData("en-US", "i'm with the security guards now")]
    public void Safe_with_asking_to_go_on_or_beside_security_ends_the_danger(string locale, string reply)
    {
        var chat = InDangerDuringAReport(locale);

        var replies = chat.Say(reply);

        Assert.NotEqual(Flow.WhenSafe, chat.State.Active?.Dialog);
        Assert.DoesNotContain("emergency", replies.Contacts());
    }

    [Theory]
    [InlineData("nl-NL", "ik ben nu bij mijn zus, de mannen zijn vertrokken")]
    [InlineData("en-US", "i'm with my sister now, the men have left")]
    public void Saying_they_have_gone_and_where_one_is_ends_the_danger(string locale, string reply)
    {
        var chat = EngineDriver.AtMenu(locale);
        Assert.Contains("emergency", chat.Say(locale == "en-US" ? "a guy keeps walking right behind me and won't go away" : "er loopt een man vlak achter me en hij gaat niet weg").Contacts());

        var replies = chat.Say(reply);

        Assert.DoesNotContain("emergency", replies.Contacts());
        Assert.NotEqual(Flow.WhenSafe, chat.State.Active?.Dialog);
    }

    [Theory]
    [InlineData("nl-NL", "de jongens zijn weg, maar hij staat nog bij de deur")]
    [InlineData("en-US", "the guys have left, he's the only one still standing there")]
    [InlineData("nl-NL", "hij is even weg om te roken, wat moet ik doen?")]
    [InlineData("nl-NL", "gisteren sloeg hij me, hij wacht nu beneden")]
    public void Gone_for_a_moment_or_another_still_there_keeps_112(string locale, string reply)
    {
        var chat = EngineDriver.AtMenu(locale);
        Assert.Contains("emergency", chat.Say(locale == "en-US" ? "a guy keeps walking right behind me and won't go away" : "er loopt een man vlak achter me en hij gaat niet weg").Contacts());

        var replies = chat.Say(reply);

        Assert.Contains("emergency", replies.Contacts());
        Assert.Equal(Flow.WhenSafe, chat.State.Active?.Dialog);
    }

    [Theory]
    [InlineData("is there help for people without speaking dutch?")]
    [InlineData("i can not write dutch well, sorry")]
    [InlineData("i don't really speak much dutch")]
    public void Naming_a_language_one_does_not_want_keeps_the_conversation_in_its_language(string message)
    {
        var chat = EngineDriver.AtMenu("en-US");

        chat.Say(message);

        Assert.Equal("en", chat.State.Language);
    }

    [Fact]
    public void Asking_for_a_language_after_naming_ones_own_still_switches()
    {
        var chat = EngineDriver.AtMenu("nl-NL");

        chat.Say("my dutch is ok but can we do english?");

        Assert.Equal("en", chat.State.Language);
    }

    [Fact]
    public void Not_speaking_one_language_and_asking_for_another_switches()
    {
        var chat = EngineDriver.AtMenu("nl-NL");

        chat.Say("i don't speak dutch, english please");

        Assert.Equal("en", chat.State.Language);
    }

    [Fact]
    public void A_check_question_answered_by_telling_more_is_not_asked_again_afterwards()
    {
        var chat = EngineDriver.AtMenu("en-US");
        chat.Say("my brother decides who i am allowed to talk to");
        Assert.Equal(Flow.ConfirmSwitch, chat.State.Active?.Dialog);

        chat.Say("he also takes my money and hits me when i say no");
        while (chat.State.Active?.Dialog is Flow.SafetyCheck or Flow.WhenSafe) chat.Say("no, he is at work now");

        Assert.DoesNotContain(Flow.ConfirmSwitch, chat.State.Stack.Select(f => f.Dialog));
    }

    [Theory]
    [InlineData("nl-NL", "mijn broer bepaalt met wie ik mag praten", "wat kan ik nu doen?")]
    [InlineData("en-US", "my parents want me to marry my cousin", "i don't know what to do now")]
    public void Asking_what_to_do_after_the_help_gives_that_help_again(string locale, string story, string question)
    {
        var chat = EngineDriver.AtMenu(locale);
        Assert.Contains("veilig-thuis", chat.Say(story).Contacts());
        Assert.Equal("menu.anything-else", chat.State.Active?.Prompt?.TextKey);

        var replies = chat.Say(question);

        Assert.Contains("veilig-thuis", replies.Contacts());
    }

    [Theory]
    [InlineData("nl-NL", "gisteravond zag ik bij de Markthal hoe een jongen een vrouw naschreeuwde")]
    [InlineData("en-US", "last week at the station a man kept whistling at a girl and i just stood there")]
    public void A_past_story_at_the_bystander_question_is_what_already_happened(string locale, string story)
    {
        var chat = EngineDriver.AtMenu(locale);
        chat.Say(locale == "en-US" ? "i saw something and want to know what i can do" : "ik zag iets en wil weten wat ik kan doen");
        Assert.Equal("bystander.ask-when", chat.State.Active?.Prompt?.TextKey);

        chat.Say(story);

        Assert.Contains(Flow.BystanderAfter, chat.LastStartedDialogs);
    }

    [Theory]
    [InlineData("moet ik daarvoor naar het bureau?")]
    [InlineData("kan ik hem ook online aangeven")]
    public void A_question_about_the_police_at_what_next_explains_melding_and_aangifte(string question)
    {
        var chat = EngineDriver.AtMenu("nl-NL");
        chat.Say("er werd vorige week naar me gefloten en geroepen op de Lijnbaan");
        Assert.Equal("street.ask-next", chat.State.Active?.Prompt?.TextKey);

        chat.Say(question);

        Assert.Contains(Flow.ReportOrPolice, chat.LastStartedDialogs);
    }

    [Theory]
    [InlineData("nl-NL", "en wat is precies het verschil?")]
    [InlineData("en-US", "sorry, what is the difference?")]
    public void Asking_the_difference_after_a_story_explains_melding_and_aangifte(string locale, string question)
    {
        var chat = EngineDriver.AtMenu(locale);
        chat.Say(locale == "en-US" ? "a man grabbed my bum in a club last saturday and i want to do something about it"
            : "afgelopen zaterdag greep een man in de club naar mijn billen en ik wil er iets mee");

        chat.Say(question);

        Assert.Contains(Flow.ReportOrPolice, chat.LastStartedDialogs);
    }

    private static EngineDriver AfterTheLawQuestion(string locale)
    {
        var chat = EngineDriver.AtMenu(locale);
        chat.Say(locale == "en-US" ? "is whistling at women against the law here?" : "is nafluiten hier verboden?");
        Assert.NotNull(chat.State.Active?.Prompt);
        return chat;
    }

    private static EngineDriver InDangerDuringAReport(string locale)
    {
        var chat = EngineDriver.AtMenu(locale);
        chat.Say(locale == "en-US" ? "i want to report something" : "ik wil iets melden");
        Assert.Equal(Flow.Report, chat.State.Active?.Dialog);
        Assert.Contains("emergency", chat.Say(locale == "en-US" ? "wait he is here again and walking towards me" : "wacht hij is er weer en loopt op me af").Contacts());
        Assert.Equal(Flow.WhenSafe, chat.State.Active?.Dialog);
        return chat;
    }
}
