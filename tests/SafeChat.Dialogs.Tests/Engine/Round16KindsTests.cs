using SafeChat.Dialogs.Flows;
using SafeChat.Dialogs.Triage;

namespace SafeChat.Dialogs.Tests.Engine;

/// <summary>
/// The kinds of sentence and conversation blind batch 16 showed, each in words of its own (not the batch's). After
/// "Bel nu 112", "I got off at … and he got off too" counted as the end of the danger (a place in the message was
/// taken as the story moving on); a wish to have been hit by a car and "the only reason I'm still here" got no 113;
/// a question about a help line at a question ("what is csg exactly?", "en veilig thuis, is dat anoniem?") got "I did
/// not understand" or the answer about SafeChat's own anonymity; "thanks, I'll think about it" was not understood;
/// "politie is geweest, hij is weg" switched a Dutch conversation to English ("is" counted as English only); "nee nu
/// niet. ik ben thuis" at an ordinary question was not understood (only a whole message of safe words counted); "how
/// do I even talk to her about it" at "do you want to know how to help someone?" asked that question a second time.
/// </summary>
public class Round16KindsTests
{
    private static readonly TriageRecognizer Recognizer = new();

    [Theory]
    [InlineData("en-US", "I switched to the metro at Beurs and he switched too")]
    [InlineData("en-US", "i crossed over to Blaak and the guy crossed over too")]
    [InlineData("nl-NL", "ik ben uitgestapt bij Zuidplein en hij is ook uitgestapt")]
    [InlineData("nl-NL", "bij Kralingse Zoom stapte ik over, die vent stapte ook over")]
    public void After_112_he_getting_off_too_keeps_112(string locale, string reply)
    {
        var chat = InDanger(locale);

        var replies = chat.Say(reply);

        Assert.Contains("emergency", replies.Contacts());
        Assert.Equal(Flow.WhenSafe, chat.State.Active?.Dialog);
    }

    /// <summary>After 112, moving on takes a sign that it is over; a place and a story told in passing are none.</summary>
    [Theory]
    [InlineData("en-US", "we are at the Erasmus bridge, on the side of the cycle path")]
    [InlineData("nl-NL", "we lopen nu over de Coolsingel richting het stadhuis")]
    public void After_112_a_place_alone_keeps_the_danger_question(string locale, string reply)
    {
        var chat = InDanger(locale);

        chat.Say(reply);

        Assert.Equal(Flow.WhenSafe, chat.State.Active?.Dialog);
    }

    [Theory]
    [InlineData("en-US", "alright, i'm home now")]
    [InlineData("nl-NL", "nee ik wil er even niet over praten, ik wilde alleen iets vragen")]
    [InlineData("nl-NL", "oké, ik ben nu thuis")]
    public void After_112_safe_words_or_a_no_still_move_on(string locale, string reply)
    {
        var chat = InDanger(locale);

        chat.Say(reply);

        Assert.NotEqual(Flow.WhenSafe, chat.State.Active?.Dialog);
    }

    [Theory]
    [InlineData("sometimes i wish that truck had run me over last week")]
    [InlineData("my little sister is the only reason i am still alive")]
    [InlineData("ik wilde dat de tram me had aangereden")]
    [InlineData("mijn hond is de enige reden dat ik nog leef")]
    public void A_wish_to_have_been_hit_or_the_one_reason_to_live_gets_113(string message) =>
        Assert.Contains(Signal.SelfHarm, Recognizer.Recognize(message).Signals);

    [Theory]
    [InlineData("the bus almost hit me this morning, luckily the driver braked")]
    public void Near_misses_and_waiting_are_not_thoughts_of_suicide(string message) =>
        Assert.DoesNotContain(Signal.SelfHarm, Recognizer.Recognize(message).Sure);

    [Theory]
    [InlineData("nl-NL", "wat doet slachtofferhulp eigenlijk?", "slachtofferhulp")]
    [InlineData("nl-NL", "en het csg, moet ik daar zelf heen?", "csg")]
    [InlineData("en-US", "is victim support free?", "slachtofferhulp")]
    [InlineData("en-US", "what does veiligthuis do?", "veilig-thuis")]
    public void A_question_about_a_help_line_at_a_question_says_what_it_does_and_asks_again(string locale, string question, string line)
    {
        var chat = EngineDriver.AtMenu(locale);
        chat.Say(locale == "en-US" ? "i want to report something" : "ik wil iets melden");
        var asked = chat.State.Active?.Prompt?.TextKey;
        Assert.NotNull(asked);

        var replies = chat.Say(question);

        Assert.Contains(line, replies.Contacts());
        Assert.DoesNotContain("emergency", replies.Contacts());
        Assert.Equal(asked, chat.State.Active?.Prompt?.TextKey);
    }

    [Theory]
    [InlineData("nl-NL", "dank je, ik denk er nog over na")]
    [InlineData("en-US", "ok thanks, let me think about it")]
    public void Thanks_and_thinking_it_over_is_a_goodbye(string locale, string reply)
    {
        var chat = EngineDriver.AtMenu(locale);
        chat.Say(locale == "en-US" ? "what is the difference between a report and going to the police?" : "wat is het verschil tussen een melding en aangifte?");
        Assert.NotNull(chat.State.Active?.Prompt);

        chat.Say(reply);

        Assert.Null(chat.State.Active);
    }

    [Theory]
    [InlineData("tram is vertrokken, alles is rustig")]
    [InlineData("was eng, is voorbij")]
    public void Words_Dutch_shares_with_English_do_not_switch_a_Dutch_conversation(string message)
    {
        var chat = EngineDriver.AtMenu("nl-NL");

        var replies = chat.Say(message);

        Assert.All(replies, r => Assert.Equal("nl", r.Locale));
    }

    [Fact]
    public void English_written_in_a_Dutch_conversation_still_switches()
    {
        var chat = EngineDriver.AtMenu("nl-NL");

        var replies = chat.Say("sorry my dutch is bad, can you help me in english");

        Assert.Contains(replies, r => r.Locale == "en");
    }

    [Theory]
    [InlineData("ben echt doodmoe vandaag, sorry voor de typfouten")]
    [InlineData("dead tired after my shift, sorry if i type weird")]
    public void Dead_tired_is_a_figure_of_speech(string message) =>
        Assert.DoesNotContain(Signal.SelfHarm, Recognizer.Recognize(message).Signals);

    /// <summary>Not a what-if: someone unsure whether he is following them now gets the check question at least.</summary>
    [Theory]
    [InlineData("hoe weet ik of hij me nu volgt?")]
    [InlineData("how do i know if that guy is following me right now")]
    public void Unsure_whether_one_is_followed_now_keeps_112(string message) =>
        Assert.Contains(Signal.Emergency, Recognizer.Recognize(message).Signals);

    [Fact]
    public void Telling_more_about_the_need_a_switch_question_named_is_a_yes()
    {
        var chat = EngineDriver.AtMenu("en-US");
        chat.Say("i want to report something");
        chat.Say("my friend keeps crying since that night at the club");
        chat.Say("what do i even say to her");
        Assert.Equal(Flow.ConfirmSwitch, chat.State.Active?.Dialog); // "do you want to know how to help someone else?"

        chat.Say("how do i bring it up with her");

        Assert.DoesNotContain(Flow.ConfirmSwitch, chat.State.Stack.Select(f => f.Dialog));
        Assert.StartsWith("bystander", chat.State.Active?.Dialog);
    }

    [Theory]
    [InlineData("nl-NL", "hoor ik daarna nog iets van jullie?", "terug hoort")]
    [InlineData("en-US", "will someone get back to me?", "hear back")]
    public void Asking_whether_one_hears_back_during_a_report_is_answered_and_the_question_asked_again(string locale, string question, string answer)
    {
        var chat = EngineDriver.AtMenu(locale);
        chat.Say(locale == "en-US" ? "i want to report something" : "ik wil iets melden");
        var asked = chat.State.Active?.Prompt?.TextKey;

        var replies = chat.Say(question);

        Assert.Contains(answer, replies.Texts());
        Assert.DoesNotContain("emergency", replies.Contacts());
        Assert.Equal(asked, chat.State.Active?.Prompt?.TextKey);
    }

    // A fresh pair of eyes read round 16 for ways it could hide danger; each kind it found is closed by a test here.

    [Theory]
    [InlineData("nl-NL", "ik wil niet meer leven", "ik denk er nog over na")]
    [InlineData("en-US", "i dont want to be here anymore", "ok thanks, i'll think about it")]
    public void After_thoughts_of_suicide_a_goodbye_word_does_not_end_the_conversation(string locale, string despair, string reply)
    {
        var chat = EngineDriver.AtMenu(locale);
        Assert.Contains("113", chat.Say(despair).Contacts());

        chat.Say(reply);

        Assert.NotNull(chat.State.Active);
    }

    [Theory]
    [InlineData("hoe kom ik vanavond veilig thuis?")]
    [InlineData("ik wil gewoon veilig thuis komen")]
    public void Safely_home_is_not_the_help_line_Veilig_Thuis(string message)
    {
        var chat = EngineDriver.AtMenu("nl-NL");
        chat.Say("ik wil iets melden");

        Assert.DoesNotContain("veilig-thuis", chat.Say(message).Contacts());
    }

    [Theory]
    [InlineData("en-US", "no not yet")]
    [InlineData("en-US", "no. he's still here")]
    [InlineData("nl-NL", "nee. hij kijkt nog steeds naar me")]
    [InlineData("en-US", "we got off at Blaak")]
    public void After_112_a_no_with_it_still_going_on_or_a_place_gives_112_again(string locale, string reply)
    {
        var chat = InDanger(locale);

        var replies = chat.Say(reply);

        Assert.Contains("emergency", replies.Contacts());
        Assert.Equal(Flow.WhenSafe, chat.State.Active?.Dialog);
    }

    [Theory]
    [InlineData("the only reason i'm still here is my little brother")]
    [InlineData("i wish the tram had run me over")]
    [InlineData("ik hoopte dat die bus me zou raken")]
    public void More_ways_to_say_one_wishes_to_be_dead_get_113(string message) =>
        Assert.Contains(Signal.SelfHarm, Recognizer.Recognize(message).Signals);

    [Theory]
    [InlineData("he got off the bus too")]
    [InlineData("the guy also got off, he is a few metres behind me")]
    [InlineData("hij liep ook de tram uit")]
    public void Him_getting_off_too_is_danger(string message) =>
        Assert.Contains(Signal.Emergency, Recognizer.Recognize(message).Signals);

    [Theory]
    [InlineData("a man is following me")]
    [InlineData("he is here")]
    public void Short_English_in_a_Dutch_conversation_still_switches(string message)
    {
        var chat = EngineDriver.AtMenu("nl-NL");

        Assert.Contains(chat.Say(message), r => r.Locale == "en");
    }

    private static EngineDriver InDanger(string locale) =>
        EngineDriver.AfterCallingFor112(locale, locale == "en-US" ? "a man keeps walking right behind me and won't go away" : "er loopt een man vlak achter me en hij gaat niet weg");
}
