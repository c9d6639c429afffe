using System.Text;
using System.Text.RegularExpressions;
using SafeChat.Dialogs.Engine;

namespace SafeChat.Dialogs.Triage;

/// <summary>
/// Brings chat-style writing closer to the words the rules look for: "heeeelp" → "help", "mn" → "mijn",
/// "achtervold" → "achtervolgd". Only words the rules care about are ever corrected, and only by one edit
/// (two for long words), so ordinary words are left alone. The words are the language modules' (spelling in
/// Languages/&lt;code&gt;/triage-rules.json).
/// </summary>
public static partial class ChatSpelling
{
    /// <summary>Chat shorthand written out ("mn" → "mijn", "rn" → "right now"), from every language module.</summary>
    private static readonly Dictionary<string, string> Shorthand = JoinShorthand(Rules.TriageLanguages.All);

    /// <summary>Words worth correcting towards, from every language module, the default language first (on a tie the
    /// first wins). Kept short and specific on purpose.</summary>
    private static readonly string[] Keywords =
        [.. Rules.TriageLanguages.All.SelectMany(l => l.Spelling?.Keywords ?? []).Distinct(StringComparer.Ordinal)];

    /// <summary>Never corrected: the keywords themselves, and real words of one language a letter away from another's keyword
    /// (Dutch "perron" and "persoon" are not English "person").</summary>
    private static readonly HashSet<string> KeywordSet = [.. Keywords, .. Rules.TriageLanguages.All.SelectMany(l => l.Spelling?.Words ?? [])];

    public static string Correct(string text)
    {
        var normalized = RepeatedLetters().Replace(TextNormalizer.Normalize(text), "$1");
        var words = Word().Split(normalized);
        var builder = new StringBuilder(normalized.Length);
        foreach (var piece in words)
        {
            if (piece.Length == 0 || !char.IsLetterOrDigit(piece[0])) { builder.Append(piece); continue; }
            builder.Append(Shorthand.GetValueOrDefault(piece) ?? Nearest(piece) ?? piece);
        }
        return builder.ToString();
    }

    /// <summary>One word written out two ways by two modules would make the spelling depend on their order: an error.</summary>
    private static Dictionary<string, string> JoinShorthand(IEnumerable<Rules.TriageLanguage> languages)
    {
        var shorthand = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var language in languages)
            foreach (var (word, written) in language.Spelling?.Shorthand ?? new Dictionary<string, string>())
                if (!shorthand.TryAdd(word, written) && shorthand[word] != written)
                    throw new InvalidDataException($"{language.Language}/triage-rules.json writes out '{word}' as '{written}', another module as '{shorthand[word]}'.");
        return shorthand;
    }

    // Words repeat across messages; their correction never changes. Bounded so a flood of new words cannot grow it.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Corrections = new();
    private const int MaxCached = 50_000;

    private static string? Nearest(string word)
    {
        if (word.Length < 6 || KeywordSet.Contains(word)) return null;
        if (Corrections.TryGetValue(word, out var known)) return known.Length == 0 ? null : known;
        var found = Search(word);
        if (Corrections.Count < MaxCached) Corrections[word] = found ?? "";
        return found;
    }

    private static string? Search(string word)
    {
        // Two edits only for long words: at ten letters real words lie two edits from a keyword ("opgeslagen", "opgesloten").
        var allowed = word.Length >= 11 ? 2 : 1;
        string? best = null;
        var bestDistance = allowed + 1;
        foreach (var keyword in Keywords)
        {
            if (Math.Abs(keyword.Length - word.Length) > allowed) continue;
            var distance = EditDistance(word, keyword, allowed);
            if (distance < bestDistance) (best, bestDistance) = (keyword, distance);
        }
        return best;
    }

    /// <summary>Optimal string alignment distance (a swap of two letters counts as one edit), cut off early.</summary>
    private static int EditDistance(string a, string b, int limit)
    {
        var width = b.Length + 1;
        Span<int> d = (a.Length + 1) * width <= 1024 ? stackalloc int[(a.Length + 1) * width] : new int[(a.Length + 1) * width];
        for (var i = 0; i <= a.Length; i++) d[i * width] = i;
        for (var j = 0; j <= b.Length; j++) d[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            var rowMin = int.MaxValue;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(d[(i - 1) * width + j] + 1, d[i * width + j - 1] + 1), d[(i - 1) * width + j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) value = Math.Min(value, d[(i - 2) * width + j - 2] + 1);
                d[i * width + j] = value;
                rowMin = Math.Min(rowMin, value);
            }
            if (rowMin > limit) return limit + 1;
        }
        return d[a.Length * width + b.Length];
    }

    [GeneratedRegex(@"(\p{L})\1{2,}")]
    private static partial Regex RepeatedLetters();

    [GeneratedRegex(@"([\p{L}\p{N}']+)")]
    private static partial Regex Word();
}
