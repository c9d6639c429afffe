using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Triage;

namespace SafeChat.Dialogs.Tests.Triage;

/// <summary>
/// What takes an unsure 112 away (a short question about the service, being home, a what-if question, a figure of
/// speech) never silences danger said in the same message: messages written to break those withdrawals still get 112.
/// </summary>
public class WithdrawalTests
{
    private static readonly TriageRecognizer Recognizer = new();

    public static TheoryData<string> Attempts => new(File.ReadLines(Path.Combine(RepositoryPaths.Root, "tests", "SafeChat.Dialogs.Tests", "Triage", "withdrawals-that-must-not-silence.txt"))
        .Where(l => l.Length > 0 && !l.StartsWith('#')));

    [Theory]
    [MemberData(nameof(Attempts))]
    public void Danger_said_next_to_a_withdrawal_still_gets_112(string message) =>
        Assert.Contains(Signal.Emergency, Recognizer.Recognize(message).Signals);

    [Theory]
    [InlineData("wat moet ik doen als iemand me volgt?")]
    [InlineData("what should I do if someone follows me at night?")]
    [InlineData("is dit anoniem?")]
    [InlineData("i'm home now")]
    [InlineData("this week is killing me")]
    public void The_withdrawal_itself_still_works(string message) =>
        Assert.DoesNotContain(Signal.Emergency, Recognizer.Recognize(message).Signals);
}
