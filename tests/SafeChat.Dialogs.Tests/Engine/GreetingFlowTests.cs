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
    public void Yes_to_danger_says_call_112_now_and_stays_until_it_is_over()
    {
        var chat = new EngineDriver();
        chat.Start();

        var replies = chat.Say("ja");

        Assert.Equal("emergency", replies.Contacts()[0]);
        Assert.StartsWith("Bel nu", replies[0].Text);
        Assert.Equal(["Ja, nog steeds", "Nee, nu niet meer"], replies.Choices());

        var menu = chat.Say("nee, nu niet meer");
        Assert.Contains("Er is mij iets overkomen", menu.Choices());
    }

    [Theory]
    [InlineData("misschien")]
    [InlineData("weet ik niet")]
    [InlineData("idk")]
    public void Unsure_about_danger_counts_as_danger(string reply)
    {
        var chat = new EngineDriver();
        chat.Start();

        var replies = chat.Say(reply);

        Assert.Equal("emergency", replies.Contacts()[0]);
        Assert.DoesNotContain("begreep", replies.Texts());
    }

    [Fact]
    public void Own_words_at_the_first_question_go_where_they_point_without_asking_again()
    {
        var chat = new EngineDriver();
        chat.Start();

        var replies = chat.Say("ik ben gisteren verkracht");

        Assert.Contains("csg", replies.Contacts());
        Assert.Contains("Je schreef dat het", replies.Texts());
        Assert.DoesNotContain(replies, r => r.Text?.Contains("Wanneer gebeurde het") == true);
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

        Assert.Equal("nl", chat.State.Language); // one English word is no reason to switch back
        Assert.All(replies, r => Assert.Equal("nl", r.Locale));
    }

    [Fact]
    public void Writing_in_the_other_language_switches_and_says_so()
    {
        var chat = new EngineDriver();
        chat.Start();
        chat.Say("nee");

        var replies = chat.Say("I want to report what happened to me yesterday at the station");

        Assert.Equal("en", chat.State.Language);
        Assert.Contains("continue in English", replies.Texts());
    }

    [Fact]
    public void The_locale_of_the_first_message_wins_over_the_greeting_language()
    {
        var chat = new EngineDriver();
        chat.Start(); // Direct Line's conversationUpdate carries no locale: the greeting is Dutch

        var replies = chat.Run(new SafeChat.Dialogs.Activities.Activity
        {
            Type = SafeChat.Dialogs.Activities.ActivityTypes.Message, Text = "what counts as street harassment?", Locale = "en-US",
        });

        Assert.Equal("en", chat.State.Language);
        Assert.All(replies, r => Assert.Equal("en", r.Locale));
        Assert.Contains("Street harassment", replies.Texts());
    }
}
