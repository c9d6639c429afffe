using SafeChat.Dialogs.Triage;

namespace SafeChat.Dialogs.Tests.Triage;

/// <summary>
/// Blind round 15: a sister's age given as a reply ("ze is 14") got 112 at once — the model had learnt "ze is …" from
/// short messages of danger. A reply that is only someone's age is small talk in each module's lists; with anything of
/// danger beside it, the danger still counts.
/// </summary>
public class AgeRepliesTests
{
    private static readonly TriageRecognizer Recognizer = new();

    [Theory]
    [InlineData("zij is 13")]
    [InlineData("hij was een jaar of 50")]
    [InlineData("he's 17 years old")]
    [InlineData("she's 16")]
    public void Only_an_age_is_no_danger(string message) =>
        Assert.DoesNotContain(Signal.Emergency, Recognizer.Recognize(message).Signals);

    [Theory]
    [InlineData("zij is 13 en hij trekt haar nu mee")]
    [InlineData("she's 16 and he won't let her go right now")]
    public void An_age_beside_danger_still_gets_112(string message) =>
        Assert.Contains(Signal.Emergency, Recognizer.Recognize(message).Signals);
}
