using SafeChat.Dialogs.Triage;

namespace SafeChat.Dialogs.Tests.Triage;

public class NegationReachTests
{
    private static readonly TriageRecognizer Recognizer = new();

    /// <summary>Blind round 15 too: "no one is following me" got 112 at once: a negation of three words ("no one is")
    /// was looked for in the two words before the cue.</summary>
    [Theory]
    [InlineData("relax, no one is following me, i was just trying the chat")]
    [InlineData("no one is chasing me, just curious how this works")]
    public void No_one_doing_it_is_no_danger(string message) =>
        Assert.DoesNotContain(Signal.Emergency, Recognizer.Recognize(message).Signals);

    [Theory]
    [InlineData("no one is helping me and he is following me")]
    [InlineData("niemand doet iets en hij volgt me nog steeds")]
    public void Someone_else_doing_nothing_is_no_negation_of_the_danger(string message) =>
        Assert.Contains(Signal.Emergency, Recognizer.Recognize(message).Signals);
}
