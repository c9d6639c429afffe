using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SafeChat.Dialogs.Triage.Rules;

namespace SafeChat.Dialogs.Triage.Model;

/// <summary>
/// Turns a message into the sparse features the triage model reads, after <see cref="ChatSpelling"/>:
/// <list type="bullet">
/// <item>words, word pairs and word triples, with the start and end of the message as words ("help" alone differs from
/// "help me with this form");</item>
/// <item>letter groups of 3–4 inside each word, so "achtervold" still shares most of "achtervolgd";</item>
/// <item>words in the scope of a negation ("niet in gevaar"), and every word tagged with the kind of clause it stands in
/// — past, habitual, hypothetical, negated or now — so "hij volgt me" and "hij volgde me gisteren" differ;</item>
/// <item>emoji as words (🆘), the length of the message, shouting, "!" and "?".</item>
/// </list>
/// Word features weigh twice a letter group; the vector has length 1. Training and prediction both call this, and the
/// model card records <see cref="Version"/>, so a model trained on other features is refused.
/// </summary>
public static class NgramFeatures
{
    /// <summary>Features are hashed into this many buckets; the model keeps only those seen in training.</summary>
    public const int HashBits = 22;

    /// <summary>Change this when the features change: the committed model must then be trained again.</summary>
    public const int Version = 4;

    private const float WordWeight = 2f, LetterWeight = 1f;

    /// <summary>The kinds of feature (fields, for a model that learns how kinds interact).</summary>
    public const byte WordField = 0, ContextField = 1, LetterField = 2;
    private const uint FnvOffset = 2166136261, FnvPrime = 16777619;

    /// <summary>Words that start the scope of a negation, and words that end it, from every language module.</summary>
    private static readonly IReadOnlySet<string> Negations = Negation.Words;
    private static readonly HashSet<string> ScopeEnd = [.. TriageLanguages.All.SelectMany(l => l.Features?.ScopeEnd ?? [])];

    public static FeatureVector Of(string text) => Of(text, ChatSpelling.Correct(text));

    /// <param name="corrected">The text through <see cref="ChatSpelling.Correct"/>, when the caller has it already.</param>
    public static FeatureVector Of(string text, string corrected)
    {
        var features = new Dictionary<uint, (float Weight, byte Field)>(256);
        var words = Words(corrected);

        Add(features, Hash("len:", LengthBucket(words.Count)), WordWeight, ContextField);
        if (Shouting(text)) Add(features, Hash("caps"), WordWeight, ContextField);
        if (text.Contains('!')) Add(features, Hash("excl"), WordWeight, ContextField);
        if (text.Contains('?')) Add(features, Hash("quest"), WordWeight, ContextField);

        var (beforePrevious, previous) = ("<s0>", "<s>");
        var negated = false;
        foreach (var word in words)
        {
            Add(features, Hash("w:", word), WordWeight, WordField);
            Add(features, Hash("b:", previous, word), WordWeight, WordField);
            Add(features, Hash("t:", beforePrevious + " " + previous, word), WordWeight, WordField);
            if (negated) Add(features, Hash("n:", word), WordWeight, ContextField);
            if (Negations.Contains(word)) negated = true;
            else if (ScopeEnd.Contains(word)) negated = false;
            AddLetterGroups(features, word);
            (beforePrevious, previous) = (previous, word);
        }
        Add(features, Hash("b:", previous, "</s>"), WordWeight, WordField);

        foreach (var clause in TriageRules.ClauseBreak.Split(corrected))
        {
            var mode = TriageRules.PastMarker.IsMatch(clause) ? "past"
                : TriageRules.HabitualMarker.IsMatch(clause) ? "habit"
                : Hypothetical.IsMatch(clause) ? "if"
                : Negated.IsMatch(clause) ? "neg" : "now";
            var clauseWords = Words(clause);
            if (clauseWords.Count == 0) continue;
            Add(features, Hash("mode:", mode), WordWeight, ContextField);
            foreach (var word in clauseWords) Add(features, Hash("m:" + mode + ":", word), WordWeight, ContextField);
        }

        var norm = MathF.Sqrt(features.Values.Sum(v => v.Weight * v.Weight));
        var hashes = features.Keys.Order().ToArray();
        return new FeatureVector(hashes, hashes.Select(h => features[h].Weight / norm).ToArray(), hashes.Select(h => features[h].Field).ToArray());
    }

    private static void Add(Dictionary<uint, (float, byte)> features, uint hash, float weight, byte field) => features[hash] = (weight, field);

    private static void AddLetterGroups(Dictionary<uint, (float, byte)> features, string word)
    {
        var padded = "<" + word + ">";
        for (var n = 3; n <= 4; n++)
            for (var i = 0; i + n <= padded.Length; i++)
                Add(features, Hash("c:", padded.AsSpan(i, n)), LetterWeight, LetterField);
    }

    /// <summary>Words of letters and digits; each emoji or other symbol is a word of its own ("🆘").</summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            var c = element[0];
            if (char.IsLetterOrDigit(c) || c == '\'') { current.Append(element); continue; }
            Flush();
            if (char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherSymbol) words.Add(element);
        }
        Flush();
        return words;

        void Flush()
        {
            var word = current.ToString().Trim('\'');
            if (word.Length > 0) words.Add(word);
            current.Clear();
        }
    }

    private static string LengthBucket(int words) => words switch
    {
        0 => "0", 1 => "1", 2 => "2", 3 => "3", <= 6 => "4-6", <= 12 => "7-12", <= 25 => "13-25", _ => "26+",
    };

    /// <summary>Mostly capitals ("HULP", "HELP ME"): people in a hurry write like that.</summary>
    private static bool Shouting(string text)
    {
        int letters = 0, upper = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c)) continue;
            letters++;
            if (char.IsUpper(c)) upper++;
        }
        return letters >= 2 && upper >= 0.7 * letters;
    }

    /// <summary>FNV-1a over the UTF-16 code units of the parts (a space between the second and third), folded to
    /// <see cref="HashBits"/>: stable across processes and machines, and no string built per feature.</summary>
    public static uint Hash(string prefix, ReadOnlySpan<char> first = default, ReadOnlySpan<char> second = default)
    {
        var hash = FnvOffset;
        Mix(ref hash, prefix);
        Mix(ref hash, first);
        if (!second.IsEmpty)
        {
            Mix(ref hash, " ");
            Mix(ref hash, second);
        }
        return (hash ^ (hash >> HashBits)) & ((1u << HashBits) - 1);
    }

    private static void Mix(ref uint hash, ReadOnlySpan<char> chars)
    {
        foreach (var c in chars)
        {
            hash ^= c;
            hash *= FnvPrime;
        }
    }

    private static readonly Regex Hypothetical = new($@"\b{TriageLanguages.Either(l => l.Features?.Hypothetical)}\b", RegexOptions.Compiled);

    private static readonly Regex Negated = new($@"\b{TriageLanguages.Either(l => l.Features?.Negated)}\b", RegexOptions.Compiled);
}

/// <summary>A message's features: sorted distinct hashes, their values (the vector has length 1) and their kinds.</summary>
public sealed record FeatureVector(uint[] Hashes, float[] Values, byte[] Fields);
