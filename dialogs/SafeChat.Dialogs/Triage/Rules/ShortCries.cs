namespace SafeChat.Dialogs.Triage.Rules;

/// <summary>
/// A cry for help of a word or three ("HULP", "snel!!", "pls help", "sos", "hellllp") is danger until the person says
/// otherwise, wherever the conversation is. The words come from every language module (people cry in the language that
/// comes first); letters held down ("hulppp") count once.
/// </summary>
public sealed class ShortCries
{
    private const int MaxWords = 4;
    private readonly HashSet<string> _cries;
    private readonly HashSet<string> _fillers;

    public ShortCries(IEnumerable<Understanding.LanguageData.ShortCryWords> languages)
    {
        var all = languages.ToList();
        // Read the lists as messages are read (no accents, hamza or case), so a module may write its words as people do.
        _cries = all.SelectMany(l => l.Cries).Select(w => Squeeze(Engine.TextNormalizer.Normalize(w))).ToHashSet();
        _fillers = all.SelectMany(l => l.Fillers).Select(w => Squeeze(Engine.TextNormalizer.Normalize(w))).ToHashSet();
    }

    /// <param name="corrected">The text through <see cref="ChatSpelling.Correct"/>.</param>
    public bool IsCry(string corrected)
    {
        var words = corrected.ToLowerInvariant().Trim('.', '!', '?', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => Squeeze(w.Trim('.', '!', '?', ',')))
            .Where(w => w.Length > 0)
            .ToList();
        if (words.Count is 0 or > MaxWords) return false;
        // "please please help me now": the words around the cry go, from both ends, as long as a cry is left.
        for (var start = 0; start < words.Count; start++)
        {
            for (var end = words.Count; end > start; end--)
            {
                if (words.Take(start).Concat(words.Skip(end)).Any(w => !_fillers.Contains(w))) continue;
                if (_cries.Contains(string.Join(' ', words.Skip(start).Take(end - start)))) return true;
            }
        }
        return false;
    }

    /// <summary>Held-down letters count once: "hellllp" and "hulpp" are "help" and "hulp".</summary>
    private static string Squeeze(string word)
    {
        var builder = new System.Text.StringBuilder(word.Length);
        foreach (var c in word.ToLowerInvariant())
            if (builder.Length == 0 || builder[^1] != c) builder.Append(c);
        return builder.ToString();
    }
}
