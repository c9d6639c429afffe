namespace SafeChat.Dialogs.Tests.Engine;

public class GreetingFlowTests
{
    [Fact]
    public void First_message_says_it_is_an_automated_assistant_and_asks_about_danger()
    {
        var replies = new EngineDriver().Start();

        Assert.Contains("automatische assistent", replies.Texts());
        Assert.Contains(SafeChat.Dialogs.Content.ServiceDirectory.LoadEmbedded()["slachtofferhulp"].Phone!, replies.Texts()); // how to reach a person
        Assert.Equal(["Ja", "Nee"], replies.Choices());
    }

    [Fact]
    public void Yes_to_danger_gives_112_as_a_contact()
    {
        var chat = new EngineDriver();
        chat.Start();

        var replies = chat.Say("Ja");

        Assert.Contains("emergency", replies.Contacts());
        Assert.Contains("112", replies.Texts());
    }

    [Fact]
    public void No_to_danger_moves_on_to_what_the_person_needs()
    {
        var chat = new EngineDriver();
        chat.Start();

        var replies = chat.Say("nee");

        Assert.DoesNotContain("emergency", replies.Contacts());
        Assert.Equal(5, replies.Choices().Count);
        Assert.Contains("Met een mens praten", replies.Choices());
    }

    [Fact]
    public void Yes_to_danger_gives_112_and_then_the_menu()
    {
        var chat = new EngineDriver();
        chat.Start();

        var replies = chat.Say("ja");

        Assert.Equal("emergency", replies.Contacts()[0]);
        Assert.Contains("Er is mij iets overkomen", replies.Choices());
    }

    [Fact]
    public void Own_words_at_the_first_question_go_where_they_point()
    {
        var chat = new EngineDriver();
        chat.Start();

        var replies = chat.Say("ik ben vorige week verkracht");

        Assert.Equal(["In de afgelopen 7 dagen", "Langer geleden", "Weet ik niet"], replies.Choices());
    }

    [Fact]
    public void English_locale_starts_in_English()
    {
        var replies = new EngineDriver().Start("en-US");

        Assert.Contains("automated assistant", replies.Texts());
        Assert.Equal(["Yes", "No"], replies.Choices());
    }

    [Fact]
    public void A_first_message_without_a_conversation_update_starts_the_greeting()
    {
        var replies = new EngineDriver().Say("hoi");

        Assert.Contains("automatische assistent", replies.Texts());
        Assert.Equal(["Ja", "Nee"], replies.Choices());
    }
}

public class LanguageChoiceTests
{
    [Theory]
    [InlineData("hi, what is street harassment?", "en", "automated assistant")]
    [InlineData("hoi, wat is straatintimidatie?", "nl", "automatische assistent")]
    public void Without_a_locale_the_first_message_decides_the_language(string first, string language, string greeting)
    {
        var chat = new EngineDriver();

        var replies = chat.Say(first);

        Assert.Equal(language, chat.State.Language);
        Assert.Contains(greeting, replies.Texts());
    }

    [Fact]
    public void An_explicit_switch_wins_over_detection_later_on()
    {
        var chat = new EngineDriver();
        chat.Say("hi there");
        chat.Say("Nederlands");

        var replies = chat.Say("what?");

        Assert.Equal("nl", chat.State.Language);
        Assert.Contains("niet zeker wat je bedoelt", replies.Texts());
    }
}
