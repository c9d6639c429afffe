using System.Text.RegularExpressions;
using SafeChat.Dialogs.Engine;

namespace SafeChat.Dialogs.Understanding;

/// <summary>
/// A list of words and phrases from a language file, found as whole words in normalised text (lower case, no
/// accents). "\d+" in an entry stands for a number ("toen ik \d+ was"); everything else is literal.
/// </summary>
public sealed class PhraseList
{
    private readonly Regex? _pattern;

    public PhraseList(IEnumerable<string> phrases)
    {
        var alternatives = phrases
            .Select(TextNormalizer.Normalize)
            .Where(p => p.Length > 0)
            .Distinct()
            .OrderByDescending(p => p.Length) // longest first, so "nee hoor" wins over "nee"
            .Select(p => Regex.Escape(p).Replace(@"\\d\+", @"\d+"))
            .ToList();
        Phrases = alternatives.Count;
        if (alternatives.Count > 0)
            _pattern = new Regex($@"(?<![\p{{L}}\p{{N}}])({string.Join("|", alternatives)})(?![\p{{L}}\p{{N}}])",
                RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    public int Phrases { get; }

    /// <summary>The first phrase of the list in the text, or null.</summary>
    public Match? Find(string normalized) => _pattern?.Match(normalized) is { Success: true } m ? m : null;

    /// <summary>Every phrase of the list in the text, in order.</summary>
    public IEnumerable<Match> FindAll(string normalized) =>
        _pattern is null ? [] : _pattern.Matches(normalized);

    public bool In(string normalized) => Find(normalized) is not null;

    /// <summary>The text with every phrase of the list taken out (and the spaces tidied).</summary>
    public string Without(string normalized) =>
        _pattern is null ? normalized : Regex.Replace(_pattern.Replace(normalized, " "), @"\s+", " ").Trim();

    /// <summary>True when the whole text is one of the phrases ("ja graag", not "ja maar hij is er nog").</summary>
    public bool IsWhole(string normalized) => Find(normalized) is { } m && m.Index == 0 && m.Length == normalized.Length;
}
