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

    /// <summary>Words more than one module lists.</summary>
    private readonly HashSet<string> _shared;

    /// <summary>Per language with a script of its own: its words written in Latin letters (Arabizi "3la", "hiya").</summary>
    private readonly IReadOnlyDictionary<string, HashSet<string>> _latinSpellingsOf;

    /// <summary>Scripts that exactly one module writes in, with that module.</summary>
    private readonly IReadOnlyDictionary<string, string> _onlyLanguageOf;

    /// <summary>Letters that only one module's common words have ("ş", "ı", "ł", "ę"): a hint of the language for triage.</summary>
    private readonly IReadOnlyDictionary<char, string> _letterOf;

    public LanguageDetector(IReadOnlyList<LanguageData> languages)
    {
        _letterOf = languages
            .SelectMany(l => l.Letters.Select(c => (Letter: c, l.Language)))
            .GroupBy(x => x.Letter).Where(g => g.Select(x => x.Language).Distinct().Count() == 1)
            .ToDictionary(g => g.Key, g => g.First().Language);
        // A word two modules list ("is", "we", "help") counts only when no other language has a word of its own in the
        // message: "politie is geweest, hij is weg" is Dutch by "hij", "a man is following me" English by "a".
        _shared = languages.SelectMany(l => l.CommonWords.Select(TextNormalizer.Normalize).Distinct())
            .GroupBy(w => w).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        _words = languages.Select(l => (l.Language, l.CommonWords.Select(TextNormalizer.Normalize).ToHashSet())).ToList();
        // By word, not over all words at once: a module may list many words in Latin letters too (Arabizi), and its own
        // script must still be its own.
        _onlyLanguageOf = languages
            .SelectMany(l => l.CommonWords.Select(w => Scripts.Dominant(w)).OfType<string>().Where(s => s != Scripts.Latin).Distinct()
                .Select(script => (l.Language, Script: script)))
            .GroupBy(l => l.Script)
            .Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single().Language);
        _latinSpellingsOf = _words.Where(l => _onlyLanguageOf.Values.Contains(l.Language))
            .ToDictionary(l => l.Language, l => l.Words.Where(w => Scripts.Dominant(w) == Scripts.Latin).ToHashSet());
    }

    /// <param name="confident">Ask for clear evidence (the conversation's language is known): a script then has to carry
    /// nearly the whole message, so a Dutch story that quotes an Arabic insult stays Dutch.</param>
    public string? Detect(string text, bool confident = false)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (Scripts.Dominant(normalized, confident ? 0.85 : 0.6) is { } script && _onlyLanguageOf.TryGetValue(script, out var byScript)) return byScript;
        var words = normalized.Split([' ', ',', '.', '!', '?', ';', ':', '"', '(', ')', '،', '؟'], StringSplitOptions.RemoveEmptyEntries);
        var scores = Scores(words).OrderByDescending(s => s.Hits).ToList();
        if (scores.Count == 0 || scores[0].Hits == 0) return null;
        var runnerUp = scores.Count > 1 ? scores[1].Hits : 0;
        if (scores[0].Hits == runnerUp) return null;
        if (confident && (scores[0].Hits < 2 || scores[0].Hits < 2 * runnerUp)) return null;
        // A language with a script of its own switches a known conversation only by its script (nearly the whole message).
        if (confident && _onlyLanguageOf.Values.Contains(scores[0].Language)) return null;
        return scores[0].Language;
    }

    /// <summary>Each language's hits: its own words, and the words it shares with another module only when no other
    /// language has a word of its own in the message.</summary>
    private List<(string Language, int Hits)> Scores(string[] words)
    {
        string[] unshared = [.. words.Where(w => !_shared.Contains(w))];
        var own = _words.Select(l => (l.Language, l.Words, Hits: Hits(l.Language, l.Words, unshared))).ToList();
        return own.Select(l => (l.Language, l.Hits + (own.Any(o => o.Language != l.Language && o.Hits > 0)
            ? 0 : words.Count(w => _shared.Contains(w) && l.Words.Contains(w))))).ToList();
    }

    /// <summary>A lone word of a language with a script of its own, written in Latin letters, is weak evidence: "3am" is
    /// Arabizi and a time, "hiya" Arabizi and a greeting. Such words count when two of them agree.</summary>
    private int Hits(string language, HashSet<string> known, string[] words)
    {
        var hits = words.Count(known.Contains);
        if (!_latinSpellingsOf.TryGetValue(language, out var latin)) return hits;
        var inLatin = words.Count(latin.Contains);
        return inLatin >= 2 ? hits : hits - inLatin;
    }

    /// <summary>The language a message is most likely in, for reading it (never for switching the conversation): the
    /// letters only one language writes first ("kapının önünde" is Turkish, though "kan" is also Dutch), else the words
    /// and script as <see cref="Detect"/>.</summary>
    public string? Likely(string text)
    {
        var hinted = text.ToLowerInvariant().Where(_letterOf.ContainsKey).Select(c => _letterOf[c]).Distinct().ToList();
        return hinted.Count == 1 ? hinted[0] : Detect(text);
    }
}
