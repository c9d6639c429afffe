using SafeChat.Dialogs.Flows;

namespace SafeChat.Dialogs.Tests.Engine;

/// <summary>
/// The kinds of conversation blind batch 14 showed, each in words of its own (not the batch's): a place given as the
/// answer to "are you still in danger?" was read as the story moving on, and the danger was dropped; a first message
/// with nothing alarming in it got "I did not understand" and the danger question again, twice; a time or place told
/// at a choice question that does not ask for it got "I did not understand"; a bystander asking "what could I have done?"
/// or "hoe kan ik haar steunen?" at a bystander question got "I did not understand".
/// </summary>
public class Round14KindsTests
{
    /// <summary>After "Bel nu 112": a place, words that say the danger is still there (whatever the reply starts with),
    /// or a longer message that itself sounds of danger.</summary>
    [Theory]
    [InlineData("nl-NL", "Oostplein")]
    [InlineData("nl-NL", "ik sta nu bij metro Blaak")]
    [InlineData("en-US", "near Rotterdam Centraal")]
    [InlineData("nl-NL", "nee, ik kan niet bellen want hij hoort me")]
    [InlineData("nl-NL", "nee hij staat er nog, ik kan nu niet praten")]
    [InlineData("en-US", "no i can't call, he'd hear me")]
    [InlineData("en-US", "no. he's still there across the street")]
    [InlineData("nl-NL", "ik weet echt niet wat ik nu moet doen want ik ben zo bang en alleen")]
    [InlineData("en-US", "i really don't know what to do right now i'm shaking and alone here")]
    public void A_reply_that_does_not_say_the_danger_is_over_keeps_112(string locale, string reply)
    {
        var chat = InDanger(locale);

        var replies = chat.Say(reply);

        Assert.Contains("emergency", replies.Contacts());
        Assert.Equal(Flow.WhenSafe, chat.State.Active?.Dialog);
        Assert.Null(chat.State.SaidNoDangerAt);
    }

    [Fact]
    public void A_place_inside_a_story_at_the_danger_question_still_moves_on()
    {
        var chat = InDanger("nl-NL");

        chat.Say("nee hoor, hij is weg. het was bij het Oostplein vanavond om 8 uur");

        Assert.NotEqual(Flow.WhenSafe, chat.State.Active?.Dialog);
    }

    /// <summary>"ik heb 112 gebeld, de politie komt eraan" got "Bel nu 112": it now says that was right, with 112 in view
    /// and the question whether the danger is still there; danger told beside it still gets "Bel nu 112".</summary>
    [Theory]
    [InlineData("nl-NL", "oke ik heb net 112 gebeld, ze sturen iemand", true)]
    [InlineData("en-US", "ok i called the police, they are on their way", true)]
    [InlineData("nl-NL", "ik heb 112 gebeld maar hij slaat me nog steeds", false)]
    public void Having_called_112_is_acknowledged_not_told_again(string locale, string reply, bool acknowledged)
    {
        var chat = InDanger(locale);

        var replies = chat.Say(reply);

        Assert.Contains("emergency", replies.Contacts());
        Assert.Equal(Flow.WhenSafe, chat.State.Active?.Dialog);
        Assert.True(acknowledged == replies.Texts().Contains(locale == "en-US" ? "Good that you called" : "Goed dat je"), replies.Texts());
    }

    [Theory]
    [InlineData("en-US", "can i talk to a real person about this?")]
    [InlineData("nl-NL", "kan ik hier met een echt persoon over praten?")]
    public void Asking_for_a_person_at_the_report_or_police_question_goes_to_a_person(string locale, string request)
    {
        var chat = new EngineDriver();
        chat.Start(locale);
        chat.Say("nee");
        chat.Say(locale == "en-US" ? "i want to report something or go to the police" : "ik wil iets melden of aangifte doen");
        Assert.StartsWith("decision.ask", chat.State.Active?.Prompt?.TextKey);

        chat.Say(request);

        Assert.Contains(Flow.TalkToPerson, chat.LastStartedDialogs);
    }

    private static EngineDriver InDanger(string locale)
    {
        var chat = new EngineDriver();
        chat.Start(locale);
        Assert.Contains("emergency", chat.Say(locale == "en-US" ? "a guy keeps walking right behind me and won't go away"
            : "er loopt een man achter me aan en hij gaat niet weg").Contacts());
        Assert.Equal(Flow.WhenSafe, chat.State.Active?.Dialog);
        return chat;
    }

    [Theory]
    [InlineData("nl-NL", "mijn nieuwe schoenen doen pijn haha")]
    [InlineData("en-US", "my laptop is so slow today lol")]
    public void A_first_message_without_danger_goes_to_the_menu_not_to_not_understood(string locale, string message)
    {
        var chat = new EngineDriver();
        chat.Start(locale);

        var replies = chat.Say(message);

        Assert.Equal(Flow.MainMenu, chat.State.Active?.Dialog);
        Assert.DoesNotContain("begreep", replies.Texts());
        Assert.DoesNotContain("understand", replies.Texts());
    }

    [Theory]
    [InlineData("nl-NL", "weet ik niet")]
    [InlineData("en-US", "not sure")]
    public void Unsure_at_the_greeting_still_means_112(string locale, string message)
    {
        var chat = new EngineDriver();
        chat.Start(locale);

        Assert.Contains("emergency", chat.Say(message).Contacts());
    }

    [Theory]
    [InlineData("nl-NL", "ze schreeuwen elke dag dingen naar me bij het station, ik ben het zat", "meestal 's avonds rond 9 uur")]
    [InlineData("en-US", "men shout things at me at the station every day, i'm sick of it", "usually around 9 in the evening")]
    public void A_time_told_at_a_choice_question_is_noted_not_misunderstood(string locale, string story, string when)
    {
        var chat = new EngineDriver();
        chat.Start(locale);
        chat.Say(story);
        var question = chat.State.Active?.Prompt?.TextKey;

        var replies = chat.Say(when);

        Assert.DoesNotContain("begreep", replies.Texts());
        Assert.DoesNotContain("understand", replies.Texts());
        Assert.Equal(question, chat.State.Active?.Prompt?.TextKey);
        Assert.NotNull(chat.State.Facts.Part);
    }

    [Theory]
    [InlineData("nl-NL", "ik zag gisteren hoe een meisje in de metro werd nageroepen door een paar jongens", "wat had ik moeten doen dan?", Flow.BystanderPrepare)]
    [InlineData("en-US", "i saw a woman getting harassed by two men on the tram this morning", "how could i have helped her", Flow.BystanderPrepare)]
    [InlineData("nl-NL", "ik zag vanochtend hoe een vrouw op de markt werd betast door een man", "hoe kan ik haar nu nog steunen", Flow.BystanderFriend)]
    public void A_bystander_asking_what_to_do_gets_advice_not_not_understood(string locale, string story, string question, string flow)
    {
        var chat = new EngineDriver();
        chat.Start(locale);
        chat.Say(story);
        Assert.Equal("bystander.ask-when", chat.State.Active?.Prompt?.TextKey);

        var replies = chat.Say(question);

        Assert.Contains(flow, chat.LastStartedDialogs);
        Assert.DoesNotContain("begreep", replies.Texts());
        Assert.DoesNotContain("understand", replies.Texts());
    }

    [Theory]
    [InlineData("nl-NL", "ik wil het niet melden")]
    [InlineData("en-US", "i don't want to report it")]
    public void A_choice_word_inside_a_reply_that_says_no_picks_nothing(string locale, string reply)
    {
        var chat = AfterAStreetStory(locale);

        chat.Say(reply);

        Assert.DoesNotContain(Flow.Report, chat.LastStartedDialogs);
    }

    [Theory]
    [InlineData("en-US", "not sure if i want to report it tbh, maybe later")]
    [InlineData("nl-NL", "ik weet niet of ik het wil melden, misschien later")]
    public void A_request_in_doubt_is_checked_before_its_flow_starts(string locale, string reply)
    {
        var chat = AfterAStreetStory(locale);

        chat.Say(reply);

        Assert.DoesNotContain(Flow.Report, chat.LastStartedDialogs);
        Assert.Contains(Flow.ConfirmSwitch, chat.LastStartedDialogs);
    }

    [Theory]
    [InlineData("en-US", "i wanted to ask what this chat is for actually")]
    [InlineData("nl-NL", "eigenlijk wou ik vragen waar deze chat voor is")]
    public void A_question_about_what_the_chat_is_for_is_answered_in_a_line(string locale, string question)
    {
        var chat = new EngineDriver();
        chat.Start(locale);
        chat.Say("nee");
        var asked = chat.State.Active?.Prompt?.TextKey;

        var replies = chat.Say(question);

        Assert.DoesNotContain("emergency", replies.Contacts());
        Assert.Equal(asked, chat.State.Active?.Prompt?.TextKey);
    }

    private static EngineDriver AfterAStreetStory(string locale)
    {
        var chat = new EngineDriver();
        chat.Start(locale);
        chat.Say(locale == "en-US" ? "men shout things at me at the station every day, i'm sick of it" : "ze schreeuwen elke dag dingen naar me bij het station, ik ben het zat");
        return chat;
    }
}
