using System.Text;
using System.Text.RegularExpressions;
using SafeChat.Dialogs.Engine;

namespace SafeChat.Dialogs.Triage;

/// <summary>
/// Brings chat-style writing closer to the words the rules look for: "heeeelp" → "help", "mn" → "mijn",
/// "achtervold" → "achtervolgd". Only words the rules care about are ever corrected, and only by one edit
/// (two for long words), so ordinary words are left alone.
/// </summary>
public static partial class ChatSpelling
{
    private static readonly Dictionary<string, string> Shorthand = new()
    {
        ["mn"] = "mijn", ["m'n"] = "mijn", ["zn"] = "zijn", ["z'n"] = "zijn", ["k"] = "ik", ["ff"] = "even",
        ["nie"] = "niet", ["nt"] = "niet", ["wrd"] = "word", ["iem"] = "iemand", ["iemnd"] = "iemand", ["dr"] = "haar",
        ["im"] = "i'm", ["ur"] = "your", ["u"] = "you", ["r"] = "are", ["rn"] = "right now", ["pls"] = "please",
        ["plz"] = "please", ["bf"] = "boyfriend", ["gf"] = "girlfriend", ["dont"] = "don't", ["cant"] = "can't",
        ["wont"] = "won't", ["isnt"] = "isn't", ["hes"] = "he's", ["shes"] = "she's", ["theyre"] = "they're", ["ppl"] = "people", ["smn"] = "someone", ["sum1"] = "someone",
    };

    /// <summary>Words worth correcting towards. Kept short and specific on purpose.</summary>
    private static readonly string[] Keywords =
    [
        "gevolgd", "achtervolgd", "achtervolgt", "verkracht", "verkrachting", "aangerand", "aanranding", "betast",
        "lastiggevallen", "nageroepen", "nagefloten", "nafluiten", "straatintimidatie", "intimidatie", "aangifte",
        "politie", "melding", "melden", "bedreigd", "bedreigt", "bedreigen", "opgesloten", "zelfmoord", "zelfdoding",
        "gevaar", "getuige", "vastgepakt", "mishandeld", "gedrogeerd", "drankje", "schoonfamilie", "huisgenoot",
        "following", "followed", "harassed", "harassing", "harassment", "catcalled", "catcalling", "assaulted",
        "threatening", "threatened", "danger", "police", "report", "raped", "groped", "suicide", "witnessed",
        "boyfriend", "husband", "girlfriend", "stalking", "medewerker", "someone", "somebody", "person", "human",
    ];

    private static readonly HashSet<string> KeywordSet = [.. Keywords];

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
