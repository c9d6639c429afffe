using System.Text.RegularExpressions;
using static SafeChat.Dialogs.Triage.Rules.TriageLanguages;

namespace SafeChat.Dialogs.Triage.Rules;

/// <summary>
/// Every triage rule, and the markers that decide how a match is read, built from the language modules
/// (Languages/&lt;code&gt;/triage-rules.json): read a signal's rules there to know exactly when it fires. Patterns run on
/// lower-case text without accents, after <see cref="ChatSpelling"/>.
/// </summary>
public static class TriageRules
{
    /// <summary>The rules by id: each module's part of a rule is one alternative of its pattern.</summary>
    public static readonly IReadOnlyList<TriageRule> All = Join(TriageLanguages.All);

    /// <summary>Words that put a clause in the past, so "he followed me yesterday" is not danger now.</summary>
    public static readonly Regex PastMarker = new($@"\b{Either(l => l.Markers?.Past)}\b", RegexOptions.Compiled);

    /// <summary>Words that make a clause habitual or conditional ("als ik met jongens praat"): a threat, but not happening now.</summary>
    public static readonly Regex HabitualMarker = new($@"\b{Either(l => l.Markers?.Habitual)}\b", RegexOptions.Compiled);

    /// <summary>A negation that cancels what directly follows (or, for <see cref="NegationAfter"/>, what directly precedes).</summary>
    public static readonly Regex NegationBefore = new($@"\b{Either(l => l.Markers?.NegationBefore)}\s*$", RegexOptions.Compiled);

    /// <summary>A thought denied before what follows: "ik denk niet aan zelfmoord", "I'm not thinking of hurting myself",
    /// "no thoughts of suicide".</summary>
    public static readonly Regex NegatedThought = new($@"\b{Either(l => l.Markers?.NegatedThought)}\s*$", RegexOptions.Compiled);

    /// <summary>"volgt me niet meer": a negation right after the match, perhaps after the one it was done to. The two word
    /// groups join across languages, as people mix them.</summary>
    public static readonly Regex NegationAfter = new(
        $@"^\s*({Either(l => l.Markers?.ObjectBeforeNegation)} )?{Either(l => l.Markers?.NegationAfter)}\b", RegexOptions.Compiled);

    /// <summary>Wanting turned down before a request word: "ik wil niet naar de politie", "I don't want to report",
    /// "liever geen aangifte", "no police".</summary>
    public static readonly Regex DeclinedBefore = new(Either(l => l.Markers?.DeclinedBefore), RegexOptions.Compiled);

    /// <summary>Doubt is not a refusal ("I'm not sure I want to go to the police").</summary>
    public static readonly Regex Unsure = new($@"\b{Either(l => l.Markers?.Unsure)}\b", RegexOptions.Compiled);

    /// <summary>Where one clause ends and the next begins: punctuation, or a word such as "maar" or "because". The word is
    /// captured, so <see cref="Regex.Split(string)"/> keeps it as a clause of its own, as the model's features expect.</summary>
    public static readonly Regex ClauseBreak = new($@"[.,;!?]|\b({Either(l => l.Markers?.ClauseBreak)})\b", RegexOptions.Compiled);

    /// <summary>
    /// The rules in id order. The model's features name rules by id ("rule:12:holds"), so the ids must run 0, 1, 2… without
    /// a gap, and every module's part of a rule must agree on its signal and flags.
    /// </summary>
    private static List<TriageRule> Join(IEnumerable<TriageLanguage> languages)
    {
        var rules = new List<TriageRule>();
        foreach (var group in languages.SelectMany(l => (l.Rules ?? []).Select(r => (l.Language, Rule: r))).GroupBy(p => p.Rule.Id).OrderBy(g => g.Key))
        {
            var first = group.First().Rule;
            if (group.Key != rules.Count) throw new InvalidDataException($"Triage rule ids must run 0, 1, 2… without a gap: {rules.Count} is missing.");
            if (group.FirstOrDefault(p => p.Rule.Signal != first.Signal || p.Rule.PresentOnly != first.PresentOnly || p.Rule.Negatable != first.Negatable)
                is { Language: not null } differs)
                throw new InvalidDataException($"Rule {group.Key} of {differs.Language} differs in signal or flags from the other modules' part.");
            if (!Signal.All.Contains(first.Signal)) throw new InvalidDataException($"Rule {group.Key} gives an unknown signal '{first.Signal}'.");
            rules.Add(TriageRule.Of(first.Signal, Joined(group.Select(p => p.Rule.Pattern)), first.PresentOnly, first.Negatable) with { Id = group.Key });
        }
        return rules;
    }
}
