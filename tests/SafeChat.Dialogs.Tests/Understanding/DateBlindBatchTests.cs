using SafeChat.Dialogs.Understanding;

namespace SafeChat.Dialogs.Tests.Understanding;

/// <summary>
/// The blind batches of dates (Understanding/Blind, README there): sentences a helper wrote with the day, part of day and
/// "within a week" each means, having seen none of SafeChat's date words. A batch must keep the number of lines it gets
/// wholly right (all three) when it was recorded; the README gives each score and what it was scored against.
/// </summary>
public class DateBlindBatchTests
{
    // Wednesday 18 November 2026, 14:30 in Rotterdam, the "now" every batch was written for.
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 13, 30, 0, TimeSpan.Zero);
    private static readonly Understander Understander = Understander.LoadEmbedded();

    [Theory]
    [InlineData("dates-tr-01.tsv", "tr", 62)]
    [InlineData("dates-tr-02.tsv", "tr", 58)]
    [InlineData("dates-tr-03.tsv", "tr", 64)]
    public void A_batch_keeps_its_recorded_score(string file, string language, int recorded)
    {
        var lines = Lines(file).Select(l => l.Split('\t')).Where(c => c.Length >= 4).ToList();
        var wrong = new List<string>();
        foreach (var c in lines)
        {
            var told = Understander.When(c[0], language, Now);
            var got = $"{told?.Day?.Date.ToString("yyyy-MM-dd") ?? "-"} {told?.Day?.Part?.ToString().ToLowerInvariant() ?? "-"} "
                + (told?.WithinAWeek is { } week ? week ? "yes" : "no" : "-");
            var want = $"{c[1].Trim()} {c[2].Trim()} {c[3].Trim()}";
            if (got != want) wrong.Add($"{c[0]}: want {want}, got {got}");
        }

        Assert.True(lines.Count - wrong.Count >= recorded,
            $"{lines.Count - wrong.Count}/{lines.Count} right, recorded {recorded}:\n{string.Join("\n", wrong)}");
    }

    /// <summary>Messages that tell no time but hold numbers and words that can be time words elsewhere ("10 gibi adam
    /// vardı", "20 yaşlarında", "pazarda", "son durakta"): a day read into one of them is a wrong fact in a report, and
    /// the report then no longer asks when it happened.</summary>
    [Theory]
    [InlineData("nodates-tr-01.tsv", "tr", 2)]
    public void A_batch_without_dates_gets_no_more_days_than_recorded(string file, string language, int recorded)
    {
        var dated = Lines(file).Where(text => Understander.When(text, language, Now)?.Day is not null).ToList();

        Assert.True(dated.Count <= recorded, $"{dated.Count} messages got a day, recorded {recorded}:\n{string.Join("\n", dated)}");
    }

    private static IEnumerable<string> Lines(string file) =>
        File.ReadLines(Path.Combine(RepositoryPaths.Root, "tests/SafeChat.Dialogs.Tests/Understanding/Blind", file)).Skip(1)
            .Where(l => l.Trim().Length > 0);
}
