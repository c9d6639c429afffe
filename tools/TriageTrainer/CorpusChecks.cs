using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Triage;
using SafeChat.Dialogs.Triage.Corpus;

namespace SafeChat.TriageTrainer;

public static class CorpusChecks
{
    /// <summary>The same words with two different labellings would teach the model to guess: refuse to train.</summary>
    public static void ThrowOnConflicts(TriageCorpus corpus)
    {
        var conflicts = corpus.Lines.GroupBy(l => TextNormalizer.Normalize(l.Text))
            .Where(g => g.Select(l => string.Join(",", l.Signals.Order())).Distinct().Count() > 1)
            .Select(g => string.Join("\n  ", g.Select(l => $"{l.File}:{l.LineNumber} [{string.Join(",", l.Signals.Order())}] {l.Text}")))
            .ToList();
        if (conflicts.Count > 0)
            throw new InvalidDataException($"{conflicts.Count} sentences are labelled differently in two places:\n  " + string.Join("\n  ", conflicts));
    }

    public static string Counts(IReadOnlyList<CorpusLine> train, IReadOnlyList<CorpusLine> test) =>
        string.Join("\n", Signal.All.Append("-").Select(s =>
            $"  {s,-18} train {train.Count(l => Has(l, s)),5}  test {test.Count(l => Has(l, s)),4}"));

    private static bool Has(CorpusLine line, string signal) => signal == "-" ? line.Signals.Count == 0 : line.Signals.Contains(signal);
}
