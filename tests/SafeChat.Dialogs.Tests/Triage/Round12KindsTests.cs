using SafeChat.Dialogs.Triage;
using SafeChat.Dialogs.Understanding;

namespace SafeChat.Dialogs.Tests.Triage;

/// <summary>
/// The kinds of sentence blind batch 12 showed, each in words of its own (not the batch's): a message made of safe parts
/// (indoors, a locked door, he has gone, thanks); a story whose last sentence says so after "but"; a question about what
/// to do if, over two clauses; "… is killing me" about a thing; "done with" a week; waiting while typing; and a lone
/// Arabizi word in an English or Dutch message ("3am" is also a time).
/// </summary>
public class Round12KindsTests
{
    private static readonly TriageRecognizer Recognizer = new();

    [Theory]
    [InlineData("ik ben binnen, de deur is op slot, die man is weg")]
    [InlineData("hes gone, doors locked, thanks for the help")]
    [InlineData("zit nu veilig in de bus naar huis")]
    [InlineData("some guy tailed me from the metro but im indoors now, door locked, he left")]
    [InlineData("stel dat iemand me achtervolgt na mijn avonddienst, wie moet ik dan bellen")]
    [InlineData("what if someone follows me home from the gym, what do i do then")]
    [InlineData("my commute through the tunnel is killing me")]
    [InlineData("hang on")]
    [InlineData("give me a minute")]
    [InlineData("ben aan het typen")]
    public void Safe_parts_what_if_questions_and_figures_of_speech_get_no_112(string message) =>
        Assert.DoesNotContain(Signal.Emergency, Recognizer.Recognize(message).Signals);

    [Theory]
    [InlineData("i locked myself in the bathroom")]
    [InlineData("ik ben binnen en hij staat voor de deur")]
    [InlineData("what if he finds me, he is standing outside my door now")]
    [InlineData("stel dat iemand me achtervolgt, hij loopt nu achter me")]
    [InlineData("he is hitting me but im at home")]
    [InlineData("door locked, he is kicking it")]
    public void Danger_next_to_the_same_words_still_gets_112(string message) =>
        Assert.Contains(Signal.Emergency, Recognizer.Recognize(message).Signals);

    [Theory]
    [InlineData("ik ben kapot van het hardlopen")]
    [InlineData("honestly im done with this semester")]
    [InlineData("mn hoofd ontploft van al die formulieren")]
    public void Tired_and_fed_up_is_not_suicide(string message) =>
        Assert.DoesNotContain(Signal.SelfHarm, Recognizer.Recognize(message).Signals);

    [Theory]
    [InlineData("im done with this life")]
    [InlineData("ik ben kapot van alles en wil niet meer leven")]
    public void Done_with_life_still_gets_113(string message) =>
        Assert.Contains(Signal.SelfHarm, Recognizer.Recognize(message).Signals);

    private static readonly LanguageDetector Detector = Understander.LoadEmbedded().Detector;

    [Theory]
    [InlineData("around 3am")]
    [InlineData("hiya")]
    public void A_lone_arabizi_word_does_not_make_a_message_arabic(string message) =>
        Assert.NotEqual("ar", Detector.Likely(message));

    [Theory]
    [InlineData("ana bghit nhder m3ak")]
    [InlineData("خايفة")]
    public void Arabizi_words_that_agree_and_arabic_script_do(string message) =>
        Assert.Equal("ar", Detector.Likely(message));

    [Fact]
    public void One_word_in_cyrillic_is_ukrainian() => Assert.Equal("uk", Detector.Detect("допоможіть"));
}
