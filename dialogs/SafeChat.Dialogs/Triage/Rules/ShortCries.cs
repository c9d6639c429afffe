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
    private readonly List<Dictionary<char, string>> _keyboards;

    public ShortCries(IEnumerable<Understanding.LanguageData.ShortCryWords> languages)
    {
        var all = languages.ToList();
        // Read the lists as messages are read (no accents, hamza or case), so a module may write its words as people do.
        _cries = all.SelectMany(l => l.Cries).Select(w => Squeeze(Engine.TextNormalizer.Normalize(w))).ToHashSet();
        _fillers = all.SelectMany(l => l.Fillers).Select(w => Squeeze(Engine.TextNormalizer.Normalize(w))).ToHashSet();
        _keyboards = all.Where(l => l.Keyboard is { Count: > 0 })
            .Select(l => l.Keyboard!.Where(k => k.Key.Length == 1).ToDictionary(k => k.Key[0], k => k.Value)).ToList();
    }

    /// <summary>
    /// A cry typed in a hurry with the keyboard still set to Latin letters comes out as Latin gibberish ("ghbdtn" for
    /// "привет"): read through each module's keyboard, it is a cry again.
    /// </summary>
    public bool IsCryOnAnotherKeyboard(string text)
    {
        if (text.Length > 60 || _keyboards.Count == 0 || text.Any(c => c > '\u007F')) return false;
        var lower = text.ToLowerInvariant();
        foreach (var keys in _keyboards)
        {
            var retyped = new System.Text.StringBuilder(lower.Length);
            foreach (var c in lower) retyped.Append(keys.TryGetValue(c, out var letter) ? letter : c.ToString());
            if (IsCry(Engine.TextNormalizer.Normalize(retyped.ToString()))) return true;
        }
        return false;
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
