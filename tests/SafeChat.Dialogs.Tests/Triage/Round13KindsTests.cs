using SafeChat.Dialogs.Triage;

namespace SafeChat.Dialogs.Tests.Triage;

/// <summary>
/// The kinds of sentence blind batch 13 showed, each in words of its own (not the batch's): a whole message of thanks
/// for the help ("help" in it is no cry); a story that ends, after a comma or "and", with the person at home behind a
/// locked door, or saying they are fine; Dutch word order after "nu" ("nu ben ik binnen"); chat spellings of thanks; a
/// request for a person and nothing else, which the model read as unsure thoughts of suicide ("ik wil …"); Dutch words a
/// letter away from an English keyword, which chat spelling turned into it ("persoon" became "person").
/// </summary>
public class Round13KindsTests
{
    private static readonly TriageRecognizer Recognizer = new();

    [Theory]
    [InlineData("heel erg bedankt voor de hulp")]
    [InlineData("dank je wel voor jullie hulp!!")]
    [InlineData("thank you so much for the help")]
    [InlineData("thanx")]
    [InlineData("die jongen liep gisteravond achter me aan, maar nu ben ik binnen en mijn deur zit op slot")]
    [InlineData("a man trailed me off the tram last night, i'm at home now and my door is locked")]
    [InlineData("vanmiddag riep een man iets smerigs naar me bij de markt, hij is weg gelukkig")]
    [InlineData("some guy made kissing noises at me at the bus stop this morning, i walked away and i'm okay")]
    public void Thanks_and_stories_that_end_safe_get_no_112(string message) =>
        Assert.DoesNotContain(Signal.Emergency, Recognizer.Recognize(message).Signals);

    [Theory]
    [InlineData("help")]
    [InlineData("thanks but please help, he is following me")]
    [InlineData("nu ben ik thuis en de deur zit op slot, maar hij staat nog steeds buiten")]
    [InlineData("i'm home now and the door is locked, he is kicking it")]
    [InlineData("ik ben thuis, hij slaat me")]
    [InlineData("someone is following me right now, i'm scared")]
    public void Danger_next_to_the_same_words_still_gets_112(string message) =>
        Assert.Contains(Signal.Emergency, Recognizer.Recognize(message).Signals);

    [Theory]
    [InlineData("ik wil graag een echt persoon spreken")]
    [InlineData("ik wil een mens, geen computer")]
    [InlineData("i want a real person")]
    public void A_request_for_a_person_gets_no_113(string message) =>
        Assert.DoesNotContain(Signal.SelfHarm, Recognizer.Recognize(message).Signals);

    [Theory]
    [InlineData("ik wil met een echt persoon praten, ik wil niet meer leven")]
    [InlineData("i want a real person, i cant go on like this anymore")]
    public void A_request_for_a_person_with_thoughts_of_suicide_still_gets_113(string message) =>
        Assert.Contains(Signal.SelfHarm, Recognizer.Recognize(message).Signals);

    [Theory]
    [InlineData("met een persoon praten", "met een persoon praten")]
    [InlineData("op het perron", "op het perron")]
    [InlineData("a personn i can talk to", "a person i can talk to")]
    public void Chat_spelling_leaves_real_words_of_another_language_alone(string written, string corrected) =>
        Assert.Equal(corrected, ChatSpelling.Correct(written));
}
