using SafeChat.Dialogs.Engine;

namespace SafeChat.Dialogs.Understanding;

/// <summary>
/// Which language a message is written in, from the little words every sentence has (each language module lists its
/// own). "Confident" asks for clear evidence, so a "yes" or "ok" from a Dutch speaker does not switch the conversation.
/// </summary>
public sealed class LanguageDetector(IReadOnlyList<LanguageData> languages)
{
    private readonly IReadOnlyList<(string Language, HashSet<string> Words)> _words =
        languages.Select(l => (l.Language, l.CommonWords.ToHashSet())).ToList();

    public string? Detect(string text, bool confident = false)
    {
        var words = TextNormalizer.Normalize(text).Split([' ', ',', '.', '!', '?', ';', ':', '"', '(', ')'], StringSplitOptions.RemoveEmptyEntries);
        var scores = _words.Select(l => (l.Language, Hits: words.Count(l.Words.Contains))).OrderByDescending(s => s.Hits).ToList();
        if (scores.Count == 0 || scores[0].Hits == 0) return null;
        var runnerUp = scores.Count > 1 ? scores[1].Hits : 0;
        if (scores[0].Hits == runnerUp) return null;
        if (confident && (scores[0].Hits < 2 || scores[0].Hits < 2 * runnerUp)) return null;
        return scores[0].Language;
    }
}
