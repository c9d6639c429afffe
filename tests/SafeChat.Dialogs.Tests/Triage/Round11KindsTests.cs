using SafeChat.Dialogs.Triage;

namespace SafeChat.Dialogs.Tests.Triage;

/// <summary>
/// The kinds of sentence blind batch 11 showed, each in words of its own (not the batch's): a threat told as what
/// someone says, for later; a denied thought of suicide; not wanting a bot; the number 112 turned down; safe parts
/// joined by "and"; real words two letters from a danger word; "kills me … haha".
/// </summary>
public class Round11KindsTests
{
    private static readonly TriageRecognizer Recognizer = new();

    [Theory]
    [InlineData("mijn vriend appte dat hij me straks kapotmaakt als ik thuiskom")]
    [InlineData("mijn broer schreeuwt dat hij me vermoordt zodra papa slaapt")]
    [InlineData("he texted that he'll kill me when i get back tonight")]
    [InlineData("my uncle said he's going to hurt me if i tell anyone")]
    [InlineData("hij blijft zeggen dat ik dood ben als ik naar buiten ga")]
    public void A_threat_told_as_what_someone_says_gets_112(string message) =>
        Assert.Contains(Signal.Emergency, Recognizer.Recognize(message).Signals);

    [Theory]
    [InlineData("twee jaar geleden zei hij dat hij me zou vermoorden, nu woon ik ergens anders")]
    [InlineData("last year he said he would kill me but we have had no contact since")]
    public void A_threat_from_long_ago_is_not_danger_now(string message) =>
        Assert.DoesNotContain(Signal.Emergency, Recognizer.Recognize(message).Signals);

    [Theory]
    [InlineData("ik heb geen zelfmoordgedachten hoor, ik wilde alleen even iets kwijt")]
    [InlineData("im not suicidal or anything, just sad today")]
    [InlineData("no i dont want to kill myself, i just had a rough week")]
    [InlineData("dont want a chatbot")]
    public void A_denied_thought_or_a_wish_for_a_person_gets_no_113(string message) =>
        Assert.DoesNotContain(Signal.SelfHarm, Recognizer.Recognize(message).Signals);

    [Theory]
    [InlineData("ik denk niet aan zelfmoord maar ik wil wel dood")]
    [InlineData("not suicidal, but i keep cutting myself")]
    // A review found these lost their 113 when a denial, a request for a person or a law word took an unsure 113 away
    // outright; now the rest of the message is read again without those words.
    [InlineData("I want to talk to a real person about ending things")]
    [InlineData("what punishment would he get if I ended it")]
    [InlineData("ik denk niet aan zelfmoord maar ik ben het allemaal zo zat")]
    [InlineData("is het strafbaar als ik hem vertel dat ik dood wil")]
    [InlineData("ik wil geen bot ik ben het allemaal zo zat")]
    public void A_denial_next_to_words_of_suicide_still_gets_113(string message) =>
        Assert.Contains(Signal.SelfHarm, Recognizer.Recognize(message).Signals);

    [Theory]
    [InlineData("je hoeft geen 112 te bellen, ik ben veilig")]
    [InlineData("no need to call 112, im ok")]
    [InlineData("he drove off and i'm at home")]
    [InlineData("hij is weg en ik ben bij mijn ouders")]
    [InlineData("ik ben thuis, hij is thuis niet")]
    [InlineData("worden mn gegevens opgeslagen")]
    [InlineData("my sister is gonna kill me for borrowing her dress lol")]
    public void Safe_words_and_real_words_get_no_112(string message) =>
        Assert.DoesNotContain(Signal.Emergency, Recognizer.Recognize(message).Signals);

    [Theory]
    [InlineData("ik ben thuis en hij bonkt op de deur")]
    [InlineData("he left and now he is back at my door")]
    [InlineData("ik ben opgesloten in mn kamer")]
    [InlineData("een jongen fietst al de hele tijd met me mee en zegt vieze dingen")]
    public void Danger_next_to_those_words_still_gets_112(string message) =>
        Assert.Contains(Signal.Emergency, Recognizer.Recognize(message).Signals);

    [Theory]
    [InlineData("şu an köprüdeyim atlayacağım")]
    [InlineData("stoję na moście Erazma i chcę skoczyć")]
    [InlineData("شخص يلاحقني")]
    [InlineData("kapının önünde bekliyor")]
    public void Danger_in_another_language_in_a_dutch_conversation_still_gets_112(string message) =>
        Assert.Contains(Signal.Emergency, Recognizer.Recognize(message, "nl").Signals);
}
