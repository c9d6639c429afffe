using SafeChat.Dialogs.Engine;

namespace SafeChat.Dialogs.Understanding;

/// <summary>
/// Which language a message is written in: by its script when only one language module writes in it (Arabic letters,
/// Cyrillic), otherwise by the little words every sentence has (each module lists its own). "Confident" asks for clear
/// evidence, so a "yes" or "ok" from a Dutch speaker does not switch the conversation.
/// </summary>
public sealed class LanguageDetector
{
    private readonly IReadOnlyList<(string Language, HashSet<string> Words)> _words;

    /// <summary>Scripts that exactly one module writes in, with that module.</summary>
    private readonly IReadOnlyDictionary<string, string> _onlyLanguageOf;

    public LanguageDetector(IReadOnlyList<LanguageData> languages)
    {
        _words = languages.Select(l => (l.Language, l.CommonWords.Select(TextNormalizer.Normalize).ToHashSet())).ToList();
        _onlyLanguageOf = languages
            .Select(l => (l.Language, Script: Scripts.Dominant(string.Concat(l.CommonWords))))
            .Where(l => l.Script is not null && l.Script != Scripts.Latin)
            .GroupBy(l => l.Script!)
            .Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single().Language);
    }

    public string? Detect(string text, bool confident = false)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (Scripts.Dominant(normalized) is { } script && _onlyLanguageOf.TryGetValue(script, out var byScript)) return byScript;
        var words = normalized.Split([' ', ',', '.', '!', '?', ';', ':', '"', '(', ')', '،', '؟'], StringSplitOptions.RemoveEmptyEntries);
        var scores = _words.Select(l => (l.Language, Hits: words.Count(l.Words.Contains))).OrderByDescending(s => s.Hits).ToList();
        if (scores.Count == 0 || scores[0].Hits == 0) return null;
        var runnerUp = scores.Count > 1 ? scores[1].Hits : 0;
        if (scores[0].Hits == runnerUp) return null;
        if (confident && (scores[0].Hits < 2 || scores[0].Hits < 2 * runnerUp)) return null;
        return scores[0].Language;
    }
}
