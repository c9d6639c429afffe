using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Triage;
using SafeChat.Dialogs.Triage.Corpus;

namespace SafeChat.Dialogs.Tests.Triage;

/// <summary>The labelled corpus: big enough, both languages, consistent labels, and no sentence from a set it is measured on.</summary>
public class CorpusTests
{
    private static readonly TriageCorpus Corpus = TriageCorpus.Load(RepositoryPaths.Languages);

    [Fact]
    public void It_has_thousands_of_sentences_in_Dutch_and_English_for_every_signal()
    {
        Assert.True(Corpus.Lines.Count >= 5000, $"{Corpus.Lines.Count} sentences");
        foreach (var language in new[] { "nl", "en" })
        foreach (var signal in Signal.All)
        {
            var count = Corpus.Lines.Count(l => l.Language == language && l.Signals.Contains(signal));
            Assert.True(count >= 100, $"{language}: only {count} sentences with {signal}");
        }
        Assert.True(Corpus.Lines.Count(l => l.Signals.Count == 0) >= 1000, "too few sentences without a signal");
    }

    [Fact]
    public void The_test_split_is_a_fifth_and_holds_every_safety_signal()
    {
        var share = (double)Corpus.Test.Count() / Corpus.Lines.Count;
        Assert.InRange(share, 0.17, 0.23);
        foreach (var signal in new[] { Signal.Emergency, Signal.SelfHarm, Signal.SexualViolence, Signal.DomesticViolence })
            Assert.True(Corpus.Test.Count(l => l.Signals.Contains(signal)) >= 100, $"too few {signal} in the test split");
    }

    [Fact]
    public void The_same_words_never_carry_two_labellings()
    {
        var conflicts = Corpus.Lines.GroupBy(l => TextNormalizer.Normalize(l.Text))
            .Where(g => g.Select(l => string.Join(",", l.Signals.Order())).Distinct().Count() > 1)
            .Select(g => string.Join(" | ", g.Select(l => $"{l.File}:{l.LineNumber}")))
            .ToList();
        Assert.True(conflicts.Count == 0, string.Join("\n", conflicts));
    }

    [Theory]
    [InlineData("tests/SafeChat.Dialogs.Tests/Triage/Blind/batch-05.tsv")]
    [InlineData("tests/SafeChat.Dialogs.Tests/Triage/Blind/batch-06.tsv")]
    [InlineData("tests/SafeChat.Dialogs.Tests/Triage/Blind/batch-07.tsv")]
    [InlineData("tests/SafeChat.Dialogs.Tests/Triage/Blind/batch-08.tsv")]
    [InlineData("tests/SafeChat.Dialogs.Tests/Triage/Blind/batch-09.tsv")]
    [InlineData("tests/SafeChat.Dialogs.Tests/Triage/Blind/batch-10.tsv")]
    [InlineData("tests/SafeChat.Dialogs.Tests/Triage/Blind/batch-11.tsv")]
    [InlineData("tests/SafeChat.Dialogs.Tests/Triage/Blind/batch-12.tsv")]
    [InlineData("tests/SafeChat.Dialogs.Tests/Triage/Blind/batch-13.tsv")]
    [InlineData("tests/SafeChat.Dialogs.Tests/Triage/Blind/batch-14.tsv")]
    [InlineData("tests/SafeChat.Dialogs.Tests/Triage/Blind/batch-15.tsv")]
    [InlineData("tests/SafeChat.Dialogs.Tests/Triage/Blind/batch-16.tsv")]
    [InlineData("tests/SafeChat.Dialogs.Tests/Triage/Blind/batch-17.tsv")]
    [InlineData("../shared/triage/dev.tsv")]
    [InlineData("tests/SafeChat.Dialogs.Tests/Triage/triage-cases.tsv")]
    public void No_sentence_of_a_set_it_is_measured_on_is_in_the_corpus(string set)
    {
        var corpus = Corpus.Lines.Select(l => TextNormalizer.Normalize(l.Text)).ToHashSet();
        var copied = File.ReadLines(Path.Combine(RepositoryPaths.Root, set))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t', 2)[1])
            .Where(t => corpus.Contains(TextNormalizer.Normalize(t)))
            .ToList();
        Assert.True(copied.Count == 0, "In the corpus: " + string.Join("\n", copied));
    }
}
