using SafeChat.Dialogs.Engine.Interrupts;

namespace SafeChat.Dialogs.Tests.Engine;

public class InterruptTests
{
    [Theory]
    [InlineData("er volgt me iemand")]
    [InlineData("help hij staat voor mijn deur")]
    [InlineData("a guy is following me right now")]
    public void Danger_words_get_112_first_and_then_the_bot_stays_until_it_is_over(string message)
    {
        var chat = new EngineDriver();
        chat.Start();

        var replies = chat.Say(message);

        Assert.Equal("emergency", replies.Contacts()[0]);
        Assert.Contains("112", replies[0].Text);
        Assert.Equal(2, replies.Choices().Count); // "still in danger" / "not any more", in the language of the message
        Assert.Equal(Flows.Flow.WhenSafe, chat.State.Active!.Dialog);
    }

    [Fact]
    public void Yes_still_in_danger_gives_112_again_without_asking_the_danger_question_anew()
    {
        var chat = new EngineDriver();
        chat.Start();
        chat.Say("er volgt me iemand");

        var replies = chat.Say("ja");

        Assert.Equal("emergency", replies.Contacts()[0]);
        Assert.StartsWith("Bel nu", replies[0].Text);
        Assert.DoesNotContain("Eerst even dit", replies.Texts());
    }

    [Theory]
    [InlineData("HULP")]
    [InlineData("pls help")]
    [InlineData("snel!!")]
    [InlineData("help")]
    public void A_short_cry_is_danger_until_the_person_says_otherwise(string cry)
    {
        var chat = new EngineDriver();
        chat.Start();
        chat.Say("nee");

        var replies = chat.Say(cry);

        Assert.Contains("emergency", replies.Contacts());
        Assert.Contains(chat.State.Active!.Dialog, new[] { Flows.Flow.WhenSafe, Flows.Flow.SafetyCheck });
    }

    [Theory]
    [InlineData("dank je wel")]
    [InlineData("bedankt")]
    [InlineData("ok")]
    [InlineData("thanks")]
    public void Thanks_and_small_talk_never_get_a_check_question(string message)
    {
        var chat = new EngineDriver();
        chat.Start();
        chat.Say("nee");

        var replies = chat.Say(message);

        Assert.DoesNotContain("emergency", replies.Contacts());
        Assert.DoesNotContain("113", replies.Contacts());
        Assert.DoesNotContain("begreep", replies.Texts());
        Assert.Equal(Flows.Flow.MainMenu, chat.State.Active!.Dialog);
    }

    [Theory]
    [InlineData("ik ben niet in gevaar")]
    [InlineData("no, I am not in danger")]
    [InlineData("hij volgde me gisteren")]
    public void Negated_or_past_danger_is_not_an_emergency(string message)
    {
        var chat = new EngineDriver();
        chat.Start();

        Assert.DoesNotContain("emergency", chat.Say(message).Contacts());
    }

    [Fact]
    public void Suicidal_thoughts_get_113()
    {
        var chat = new EngineDriver();
        chat.Start();

        var replies = chat.Say("ik wil niet meer leven");

        Assert.Equal("113", replies.Contacts()[0]);
        Assert.DoesNotContain("Eerst even dit", replies.Texts()); // the danger question is not asked again
        Assert.NotEmpty(replies.Choices());
    }

    [Fact]
    public void Danger_as_the_very_first_message_gets_112_before_the_greeting()
    {
        var replies = new EngineDriver().Say("help er volgt me iemand");

        Assert.Equal("emergency", replies.Contacts()[0]);
        Assert.Contains("automatische assistent", replies.Texts());
        Assert.Equal(["Ja, nog steeds", "Nee, nu niet meer"], replies.Choices());
    }

    [Theory]
    [InlineData("English")]
    [InlineData("engels")]
    public void Language_switch_asks_the_waiting_question_again_in_English(string message)
    {
        var chat = new EngineDriver();
        chat.Start();

        var replies = chat.Say(message);

        Assert.Equal("en", chat.State.Language);
        Assert.Contains("are you in danger", replies.Texts());
        Assert.Equal(["Yes", "No"], replies.Choices());
    }

    [Theory]
    [InlineData("andere taal")]
    [InlineData("other language")]
    public void Asking_for_another_language_lists_each_by_its_own_name_and_a_number_picks_one(string message)
    {
        var chat = new EngineDriver();
        chat.Start();

        var list = chat.Say(message);

        var others = global::SafeChat.Dialogs.Content.ContentCatalog.LoadEmbedded().Packs.Where(p => p.Language != "nl").ToList();
        Assert.Equal(others.Select(p => p.Name).Order(), list.Choices().Order());
        Assert.Equal("nl", chat.State.Language); // the waiting question still waits
        var english = list.Choices().ToList().IndexOf("English") + 1;
        var replies = chat.Say(english.ToString());
        Assert.Equal("en", chat.State.Language);
        Assert.Contains("are you in danger", replies.Texts());
    }

    [Fact]
    public void A_number_is_an_answer_again_once_the_language_list_has_passed()
    {
        var chat = new EngineDriver();
        chat.Start();
        chat.Say("andere taal");
        chat.Say("nederlands");

        chat.Say("1"); // the first of the list was another language; now it answers the waiting question

        Assert.Equal("nl", chat.State.Language);
    }

    [Fact]
    public void The_page_language_switch_event_also_switches()
    {
        var chat = new EngineDriver();
        chat.Start();

        var replies = chat.Event(LanguageInterrupt.EventName, "en");

        Assert.Equal("en", chat.State.Language);
        Assert.Equal(["Yes", "No"], replies.Choices());
    }

    [Fact]
    public void Help_explains_the_commands_and_keeps_the_question()
    {
        var chat = new EngineDriver();
        chat.Start();

        var replies = chat.Say("uitleg");

        Assert.Contains("automatische assistent", replies.Texts());
        Assert.Equal(["Ja", "Nee"], replies.Choices());
    }

    [Fact]
    public void Stop_ends_everything_and_a_new_message_shows_the_menu()
    {
        var chat = new EngineDriver();
        chat.Start();

        var goodbye = chat.Say("stop");
        Assert.Empty(chat.State.Stack);
        Assert.Contains("browsergeschiedenis", goodbye.Texts()); // what trace a web chat leaves

        Assert.Contains("Met een mens praten", chat.Say("hallo").Choices());
    }

    [Fact]
    public void Menu_goes_to_the_main_menu_from_anywhere()
    {
        var chat = new EngineDriver();
        chat.Start();
        chat.Say("nee");
        chat.Say("Wat is straatintimidatie?");

        var replies = chat.Say("menu");

        Assert.Contains("Met een mens praten", replies.Choices());
        Assert.Single(chat.State.Stack);
    }

    [Fact]
    public void Restart_greets_again()
    {
        var chat = new EngineDriver();
        chat.Start();
        chat.Say("nee");

        var replies = chat.Say("opnieuw");

        Assert.Contains("automatische assistent", replies.Texts());
        Assert.Equal(["Ja", "Nee"], replies.Choices());
    }

    [Fact]
    public void Back_with_no_earlier_question_says_so_and_asks_again()
    {
        var chat = new EngineDriver();
        chat.Start();

        var replies = chat.Say("terug");

        Assert.Contains("geen vorige vraag", replies.Texts());
        Assert.Equal(["Ja", "Nee"], replies.Choices());
    }

    [Fact]
    public void Unknown_events_are_ignored()
    {
        var chat = new EngineDriver();
        chat.Start();

        Assert.Empty(chat.Event("webchat/join", "x"));
        Assert.NotNull(chat.State.Active!.Prompt);
    }

    [Theory]
    [InlineData("hij zei يا حلوة انت جميلة en liep me achterna")]
    [InlineData("ze schreeuwden сука іди сюди до мене")]
    public void A_dutch_story_that_quotes_words_in_another_script_stays_dutch(string message)
    {
        var chat = new EngineDriver();
        chat.Start("nl-NL");
        chat.Say("nee");

        chat.Say(message);

        Assert.Equal("nl", chat.State.Language);
    }

    [Fact]
    public void A_whole_message_in_arabic_switches_a_dutch_conversation()
    {
        var chat = new EngineDriver();
        chat.Start("nl-NL");
        chat.Say("nee");

        chat.Say("أحتاج مساعدة، رجل يضايقني كل يوم في الشارع");

        Assert.Equal("ar", chat.State.Language);
    }
}
