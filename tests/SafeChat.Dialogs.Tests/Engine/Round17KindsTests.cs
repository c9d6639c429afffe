using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Flows;
using SafeChat.Dialogs.Triage;
using SafeChat.Dialogs.Understanding;

namespace SafeChat.Dialogs.Tests.Engine;

/// <summary>
/// The kinds of sentence and conversation blind batch 17 showed, each in words of its own (not the batch's). At "Ben je
/// nu in gevaar?" a safe sentence with a question beside it was not understood (only a whole message of safe words
/// counted); a question about a help line at a danger question, or at "anything else?", got "I did not understand" or
/// a flow; "can someone call me? this afternoon is fine" at "when did it happen?" was read as the time; "meld het maar"
/// and "I want the city to know" were no wish to report; "are you a real person?" was a wish for a person; a formal
/// "dank u wel voor de hulp" was not small talk; standing on the edge of a platform with the thought of jumping got 113
/// but not 112; "might as well make it official" got nothing.
/// </summary>
public class Round17KindsTests
{
    private static readonly TriageRecognizer Recognizer = new();

    [Theory]
    [InlineData("en-US", "I'm home now, I'm safe. I washed everything already, is that bad?")]
    [InlineData("nl-NL", "ik zit nu bij mijn zus, ik ben veilig. ik heb alles al gewassen, is dat erg?")]
    public void A_safe_sentence_with_a_question_answers_the_danger_question_with_no(string locale, string reply)
    {
        var chat = InDanger(locale);

        var replies = chat.Say(reply);

        Assert.DoesNotContain("emergency", replies.Contacts());
        Assert.NotEqual(Flow.WhenSafe, chat.State.Active?.Dialog);
    }

    [Theory]
    [InlineData("en-US", "I was safe at home but he is outside my door now?")]
    [InlineData("nl-NL", "ik ben veilig binnen. maar hij staat nog steeds voor de deur?")]
    public void A_safe_sentence_beside_danger_now_is_no_no(string locale, string reply)
    {
        var chat = InDanger(locale);

        Assert.Contains("emergency", chat.Say(reply).Contacts());
        Assert.Equal(Flow.WhenSafe, chat.State.Active?.Dialog);
    }

    [Theory]
    [InlineData("en-US", "what is Veilig Thuis exactly? would they come to my house?", "veilig-thuis")]
    [InlineData("nl-NL", "wat doet het CSG eigenlijk? moet ik daar heen?", "csg")]
    public void A_question_about_a_help_line_after_112_gets_the_line_and_the_danger_question_again(string locale, string question, string line)
    {
        var chat = InDanger(locale);

        var replies = chat.Say(question);

        Assert.Contains(line, replies.Contacts());
        Assert.Equal(Flow.WhenSafe, chat.State.Active?.Dialog);
    }

    [Theory]
    [InlineData("en-US", "what is veilig thuis? he is banging on the door right now")]
    [InlineData("nl-NL", "wat is veilig thuis? hij staat nu met een mes voor de deur")]
    public void A_question_about_a_help_line_with_danger_in_it_gets_112(string locale, string question)
    {
        var chat = InDanger(locale);

        Assert.Contains("emergency", chat.Say(question).Contacts());
    }

    [Theory]
    [InlineData("en-US", "someone groped me on the tram, I'm okay now", "could one of you call me? this evening works")]
    [InlineData("nl-NL", "iemand heeft me betast in de tram, het gaat nu wel", "kan iemand van jullie mij vanavond bellen?")]
    public void A_call_back_request_at_the_when_question_is_a_wish_for_a_person(string locale, string story, string request)
    {
        var chat = EngineDriver.AtMenu(locale);
        chat.Say(story);
        Assert.Equal("sv.ask-when", chat.State.Active?.Prompt?.TextKey);

        chat.Say(request);

        Assert.Contains(Flow.TalkToPerson, chat.LastStartedDialogs);
    }

    [Theory]
    [InlineData("could somebody call me back tomorrow morning?")]
    [InlineData("can you call me? not now, after 5")]
    [InlineData("kunnen jullie mij morgenochtend terugbellen?")]
    [InlineData("mag iemand me straks even bellen")]
    public void Asking_to_be_called_is_a_wish_for_a_person(string text) =>
        Assert.Contains(Signal.WantsHuman, Recognizer.Recognize(text).Signals);

    [Theory]
    [InlineData("he keeps calling me at night from a hidden number")]
    [InlineData("hij wil me steeds bellen maar ik neem niet op")]
    [InlineData("are you a real person or a computer?")]
    public void Being_called_by_him_or_asking_what_SafeChat_is_is_no_wish_for_a_person(string text) =>
        Assert.DoesNotContain(Signal.WantsHuman, Recognizer.Recognize(text).Signals);

    [Theory]
    [InlineData("ja prima, meld het maar")]
    [InlineData("ik wil graag dat de gemeente dit weet")]
    [InlineData("i would like the city to know about this")]
    [InlineData("can you report them for me")]
    public void Letting_SafeChat_pass_it_on_is_a_wish_to_report(string text) =>
        Assert.Contains(Signal.WantsReport, Recognizer.Recognize(text).Signals);

    [Theory]
    [InlineData("hartelijk dank voor uw uitleg")]
    [InlineData("erg bedankt voor je tijd")]
    [InlineData("thanks so much for your time")]
    [InlineData("thank you for the information")]
    public void Thanks_for_the_help_in_any_register_is_small_talk(string text) =>
        Assert.Equal("thanks", Understander.LoadEmbedded().SmallTalkKind(TextNormalizer.Normalize(text)));

    [Theory]
    [InlineData("i'm on the tracks near Kralingse Zoom, thinking how easy it would be")]
    [InlineData("ik sta op de dakrand van de flat en wil springen")]
    [InlineData("ik sta aan de rand van het perron en denk hoe makkelijk het zou zijn")]
    public void Standing_where_one_could_jump_with_the_thought_of_it_gets_112_and_113(string text)
    {
        var result = Recognizer.Recognize(text);

        Assert.Equal(SafetyLevel.Act, result.Danger);
        Assert.NotEqual(SafetyLevel.None, result.SelfHarm);
    }

    [Theory]
    [InlineData("nobody notices me anyway, might as well make it permanent")]
    [InlineData("ik besta toch al niet voor ze, kan ik het net zo goed definitief maken")]
    public void Making_ones_absence_permanent_gets_113(string text) =>
        Assert.NotEqual(SafetyLevel.None, Recognizer.Recognize(text).SelfHarm);

    private static EngineDriver InDanger(string locale)
    {
        var chat = EngineDriver.AtMenu(locale);
        Assert.Contains("emergency", chat.Say(locale == "en-US" ? "a guy has been walking right behind me for ten minutes" : "er loopt al tien minuten een vent vlak achter me").Contacts());
        Assert.Equal(Flow.WhenSafe, chat.State.Active?.Dialog);
        return chat;
    }
}
