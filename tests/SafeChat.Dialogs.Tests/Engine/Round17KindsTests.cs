using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Flows;
using SafeChat.Dialogs.Triage;
using SafeChat.Dialogs.Understanding;

namespace SafeChat.Dialogs.Tests.Engine;

/// <summary>
/// The kinds of sentence and conversation blind batch 17 showed, each in words of its own (not the batch's), and what a
/// review of them for hidden danger found: after 112, "ik ben veilig. hij staat om de hoek" or "im safe. im hiding"
/// ended the danger. A question about a help line at "anything else?" got a flow, and one that named a place was taken
/// as that fact; "can someone call me? this afternoon is fine" at "when did it happen?" was read as the time; "meld het
/// maar" and "I want the city to know" were no wish to report; "are you a real person?" was a wish for a person; a
/// formal "dank u wel voor de hulp" was not small talk; standing on the edge of a platform with the thought of jumping
/// got 113 but not 112; "might as well make it official" got nothing.
/// </summary>
public class Round17KindsTests
{
    private static readonly TriageRecognizer Recognizer = new();

    /// <summary>After 112 a safe sentence ends the danger only when no other sentence speaks of him or of hiding.</summary>
    [Theory]
    [InlineData("en-US", "i'm safe. he is sitting a few seats behind me")]
    [InlineData("en-US", "im safe. im hiding behind the counter of a shop")]
    [InlineData("nl-NL", "ik ben veilig. hij zit twee banken achter me in de bus")]
    [InlineData("nl-NL", "ben veilig. kan die vent zien waar ik ben?")]
    public void After_112_a_safe_sentence_beside_him_keeps_112(string locale, string reply)
    {
        var chat = InDanger(locale);

        Assert.Contains("emergency", chat.Say(reply).Contacts());
        Assert.Equal(Flow.WhenSafe, chat.State.Active?.Dialog);
    }

    [Theory]
    [InlineData("en-US", "could you call me? i cant talk, he is sitting next to me")]
    [InlineData("nl-NL", "kunnen jullie me bellen? ik kan niet praten, hij zit naast me")]
    public void After_112_asking_for_a_call_beside_him_keeps_112(string locale, string reply)
    {
        var chat = InDanger(locale);

        Assert.Contains("emergency", chat.Say(reply).Contacts());
        Assert.Equal(Flow.WhenSafe, chat.State.Active?.Dialog);
    }

    [Theory]
    [InlineData("en-US", "thank you very much for your help")]
    [InlineData("nl-NL", "dank u wel voor de hulp")]
    [InlineData("nl-NL", "bedankt")]
    public void After_112_thanks_gets_the_number_and_the_danger_question_again(string locale, string thanks)
    {
        var chat = InDanger(locale);

        Assert.Contains("emergency", chat.Say(thanks).Contacts());
        Assert.Equal(Flow.WhenSafe, chat.State.Active?.Dialog);
    }

    /// <summary>A safe sentence takes an unsure 112 away only when no sentence after it speaks of him still being near.</summary>
    [Theory]
    [InlineData("ik ben veilig. die vent wacht nog steeds bij mijn fiets")]
    [InlineData("ik ben veilig. hij zit nu in de bus twee rijen achter me")]
    [InlineData("i'm safe. he is waiting next to my bike")]
    public void A_safe_sentence_before_him_being_near_keeps_the_danger(string text) =>
        Assert.NotEqual(SafetyLevel.None, Recognizer.Recognize(text).Danger);

    [Theory]
    [InlineData("en-US", "i'm safe now. he's gone")]
    [InlineData("nl-NL", "ik ben veilig. hij is weg")]
    public void After_112_a_safe_sentence_and_him_gone_moves_on(string locale, string reply)
    {
        var chat = InDanger(locale);

        chat.Say(reply);

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
    [InlineData("en-US", "what is veilig thuis? he is banging on the door right now")]
    [InlineData("nl-NL", "wat is veilig thuis? hij staat nu met een mes voor de deur")]
    [InlineData("nl-NL", "wat is het csg? ik ben net aangerand")]
    [InlineData("en-US", "what does veilig thuis do? my husband is still home and furious")]
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

    private static EngineDriver InDanger(string locale) =>
        EngineDriver.AfterCallingFor112(locale, locale == "en-US" ? "a guy has been walking right behind me for ten minutes" : "er loopt al tien minuten een vent vlak achter me");
}
