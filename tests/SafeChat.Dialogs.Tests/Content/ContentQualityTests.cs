using System.Text.RegularExpressions;
using SafeChat.Dialogs.Content;
using SafeChat.Dialogs.Flows.Routing;
using SafeChat.Dialogs.Tests.Engine;

namespace SafeChat.Dialogs.Tests.Content;

/// <summary>
/// Short, plain and complete, measured over every text in every language: words and sentences per message, plain
/// Dutch by Flesch–Douma, no "hieronder" before the thing shown, and every help line in the directory actually used.
/// </summary>
public partial class ContentQualityTests
{
    private static readonly ContentCatalog Catalog = ContentCatalog.LoadEmbedded();

    /// <summary>About forty words a message; a few may run longer, each for a reason.</summary>
    private const int MaxWords = 45, MaxSentences = 5;

    // Numbered steps ("1. je merkt het op, 2. …") read as one sentence each but are one list.

    private static readonly Dictionary<string, string> LongOnPurpose = new()
    {
        ["report.summary"] = "the report read back in full before it is sent: its length is the person's own words",
        ["help.text"] = "the list of commands one can type; read once, on request",
        ["bystander.five-steps"] = "a numbered list of five short steps; each number reads as a sentence end",
    };

    /// <summary>Flesch–Douma below 60 is allowed only here, with the reason.</summary>
    private static readonly Dictionary<string, string> HarderOnPurpose = new()
    {
        ["counts.what"] = "names the behaviours the law names (nafluiten, opmerkingen…); the words are what people search for",
    };

    [Fact]
    public void Every_message_is_short()
    {
        var tooLong = new List<string>();
        foreach (var pack in Catalog.Packs)
        foreach (var key in pack.Texts.Keys.Where(k => !LongOnPurpose.ContainsKey(k)))
        {
            var text = Rendered(pack.Language, key);
            var words = Words(text).Count;
            var sentences = Sentences(text).Count;
            if (words > MaxWords || sentences > MaxSentences) tooLong.Add($"{pack.Language}/{key}: {words} words, {sentences} sentences");
        }
        Assert.True(tooLong.Count == 0, string.Join("\n", tooLong));
    }

    [Fact]
    public void Dutch_texts_read_at_B1_by_Flesch_Douma()
    {
        var hard = new List<string>();
        foreach (var key in Catalog.Pack("nl").Texts.Keys.Where(k => !HarderOnPurpose.ContainsKey(k)))
        {
            var text = Rendered("nl", key);
            if (Words(text).Count < 10) continue; // a score means little on a button label
            var score = FleschDouma(text);
            if (score < 60) hard.Add($"{key}: {score:0} — {text}");
        }
        Assert.True(hard.Count == 0, string.Join("\n", hard));
    }

    [Theory]
    [InlineData("Ik ben thuis. Het is goed.", 90)]
    [InlineData("Straatintimidatiebeleid gemeentelijke handhavingsorganisatie.", 0)]
    public void The_readability_score_tells_plain_from_hard(string text, double atLeastOrBelow)
    {
        var score = FleschDouma(text);
        if (atLeastOrBelow > 0) Assert.True(score >= atLeastOrBelow, $"{score}");
        else Assert.True(score < 0, $"{score}");
    }

    [Fact]
    public void No_text_says_for_certain_that_something_is_punishable()
    {
        // A court decides; the bot says "dit kan strafbaar zijn".
        foreach (var pack in Catalog.Packs)
        foreach (var (key, text) in pack.Texts)
            Assert.False(Certain().IsMatch(text), $"{pack.Language}/{key}: {text}");
    }

    [Fact]
    public void No_text_points_below_before_the_thing_is_shown()
    {
        foreach (var pack in Catalog.Packs)
        foreach (var (key, text) in pack.Texts)
            Assert.False(Below().IsMatch(text), $"{pack.Language}/{key}: {text}");
    }

    [Fact]
    public void Every_directory_entry_is_named_by_a_text_or_a_route()
    {
        var inTexts = Catalog.Packs.SelectMany(p => p.Texts.Values).SelectMany(t => Placeholders.In(t))
            .Where(m => m.Groups["key"].Success).Select(m => m.Groups["key"].Value);
        var inRoutes = typeof(HelpRoutes).GetFields().Select(f => f.GetValue(null)).OfType<HelpRoute>().SelectMany(r => r.Services);
        var used = inTexts.Concat(inRoutes).ToHashSet();

        var unused = Catalog.Directory.Services.Keys.Where(k => !used.Contains(k)).ToList();

        Assert.True(unused.Count == 0, "Never given out: " + string.Join(", ", unused));
    }

    [Fact]
    public void Every_greeting_names_the_other_languages_in_their_own_script()
    {
        foreach (var pack in Catalog.Packs)
        {
            var greeting = new EngineDriver().Start(pack.Texts["language.culture"]).Texts();
            foreach (var other in Catalog.Packs.Where(p => p.Language != pack.Language))
                Assert.Contains(other.Name, greeting);
        }
    }

    private static string Rendered(string language, string key)
    {
        var template = Catalog.Pack(language).Texts[key];
        var args = ContentValidation.Arguments(template).ToDictionary(a => a, _ => "x");
        return Catalog.Text(language, key, args);
    }

    private static List<string> Words(string text) => Word().Matches(text).Select(m => m.Value).Where(w => w.Any(char.IsLetter)).ToList();

    private static List<string> Sentences(string text) =>
        SentenceBreak().Split(text).Where(s => s.Any(char.IsLetter)).ToList();

    /// <summary>Flesch–Douma: 206.835 − 0.93 × words per sentence − 77 × syllables per word.</summary>
    private static double FleschDouma(string text)
    {
        var words = Words(text);
        var sentences = Math.Max(1, Sentences(text).Count);
        var syllables = words.Sum(Syllables);
        return 206.835 - 0.93 * words.Count / sentences - 77.0 * syllables / words.Count;
    }

    /// <summary>Dutch syllables, approximately: groups of vowels ("ij" is one), a vowel with a diaeresis starts its own.</summary>
    private static int Syllables(string word) => Math.Max(1, VowelGroup().Matches(word.ToLowerInvariant().Replace("ij", "y")).Count);

    [GeneratedRegex(@"[\w'’-]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"[.!?]+(?:\s|$)|\n")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex("[aeiouyàáâäèéêíîóôúû]+|[ëïöü]")]
    private static partial Regex VowelGroup();

    [GeneratedRegex(@"\b(is|zijn) (dat |dit |het )?(strafbaar|een (ernstig |zwaar |zwaarder )?misdrijf)\b|\b(is|are) (a (serious )?crime|a criminal offence|punishable)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Certain();

    [GeneratedRegex(@"\b(hieronder|below)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Below();
}
