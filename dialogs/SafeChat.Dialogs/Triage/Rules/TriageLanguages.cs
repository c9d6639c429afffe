using System.Reflection;
using System.Text.RegularExpressions;
using SafeChat.Dialogs.Content;

namespace SafeChat.Dialogs.Triage.Rules;

/// <summary>
/// The triage words of every language module built into the assembly (Languages/&lt;code&gt;/triage-rules.json), and
/// how their parts are joined: the engine names no language. A module without the file adds nothing.
/// </summary>
internal static partial class TriageLanguages
{
    private const string Prefix = "SafeChat.Languages.";
    private const string FileName = "triage-rules.json";

    /// <summary>The modules with triage words, the default language first and then by code: where the parts of one
    /// pattern match at the same place, the first part wins, and the rules were written with the default language's
    /// words first.</summary>
    public static IReadOnlyList<TriageLanguage> All { get; } = LoadEmbedded();

    private static readonly IReadOnlyDictionary<string, string> Macros = JoinMacros(All);

    /// <summary>
    /// Every module's part, as alternatives in one group: "(?:(?:nl-part)|(?:en-part))". A part given twice counts
    /// once; when no module gives one, a group that never matches, so the frame around it does too.
    /// </summary>
    public static string Either(Func<TriageLanguage, string?> part)
    {
        var parts = Parts(All.Select(part));
        return parts.Count == 0 ? "(?:(?!))" : $"(?:{string.Join("|", parts.Select(p => $"(?:{p})"))})";
    }

    /// <summary>The parts of one rule or cue as alternatives of its pattern (a single part as it is, so it reads the
    /// same in explanations).</summary>
    public static string Joined(IEnumerable<string> parts)
    {
        var distinct = Parts(parts);
        return distinct.Count == 1 ? distinct[0] : string.Join("|", distinct.Select(p => $"(?:{p})"));
    }

    /// <summary>The distinct parts, with their macros written out, in module order.</summary>
    private static List<string> Parts(IEnumerable<string?> parts) =>
        parts.OfType<string>().Select(Expand).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>"{Me}" and the like: the words of that name from every module ("me|mij|ons|us"), so a sentence that
    /// mixes languages ("mijn boyfriend slaat me") still matches. A name starts with a letter, so regex counts ("{0,30}") stay.</summary>
    public static string Expand(string pattern) =>
        Macro().Replace(pattern, m => Macros.TryGetValue(m.Groups[1].Value, out var words)
            ? words
            : throw new InvalidDataException($"Triage pattern names an unknown macro {m.Value}: {pattern}"));

    private static Dictionary<string, string> JoinMacros(IEnumerable<TriageLanguage> languages) =>
        languages.SelectMany(l => l.Macros ?? new Dictionary<string, List<string>>())
            .GroupBy(kv => kv.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => $"(?:{string.Join("|", g.SelectMany(kv => kv.Value).Distinct(StringComparer.Ordinal))})", StringComparer.Ordinal);

    private static List<TriageLanguage> LoadEmbedded()
    {
        var assembly = Assembly.GetExecutingAssembly();
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(FileName, StringComparison.Ordinal))
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                return TriageLanguage.Load(n[Prefix.Length..].Split('/', '\\', '.')[0], stream);
            })
            .OrderBy(l => l.Language == ContentCatalog.DefaultLanguage ? 0 : 1)
            .ThenBy(l => l.Language, StringComparer.Ordinal)
            .ToList();
    }

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex Macro();
}
