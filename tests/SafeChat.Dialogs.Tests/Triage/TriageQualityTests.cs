using SafeChat.Dialogs.Triage;
using Xunit.Abstractions;

namespace SafeChat.Dialogs.Tests.Triage;

/// <summary>
/// The recogniser must meet the bar on the shared development set and, with the same bar, on SafeChat's
/// own sentences that are not in it.
/// </summary>
public class TriageQualityTests(ITestOutputHelper output)
{
    private static readonly TriageRecognizer Recognizer = new();

    public static TheoryData<string> Sets => new()
    {
        "../shared/triage/dev.tsv",
        "tests/SafeChat.Dialogs.Tests/Triage/triage-cases.tsv",
    };

    [Theory]
    [MemberData(nameof(Sets))]
    public void Meets_the_bar(string set)
    {
        var path = Path.GetFullPath(Path.Combine(RepositoryRoot(), set));
        Assert.True(File.Exists(path), $"{path} is missing: shared/ must sit beside the repository.");
        var cases = TriageEvaluation.Load(path);
        var result = TriageEvaluation.Run(Recognizer, cases);
        output.WriteLine($"{set}: {cases.Count} lines\n{result.Report()}");

        Assert.True(cases.Count >= 50, "too few lines to mean anything");
        Assert.Equal(1.0, result.Scores[Signal.Emergency].Recall);
        foreach (var signal in new[] { Signal.Emergency, Signal.SexualViolence, Signal.DomesticViolence, Signal.SelfHarm })
            Assert.True(result.Scores[signal].Recall >= 0.95, $"{signal} recall {result.Scores[signal].Recall:0.00}\n{result.Report()}");
        Assert.True(result.EmergencyFalseAlarmRate <= 0.05, result.Report());
        Assert.True(result.MacroF1 >= 0.85, result.Report());
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "SafeChat.sln"))) folder = folder.Parent;
        return folder!.FullName;
    }
}
