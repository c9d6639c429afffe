using System.Text.RegularExpressions;

namespace SafeChat.Dialogs.Triage.Rules;

/// <summary>
/// Turns one message into signals with the rules in <see cref="TriageRules"/>. Fast, offline, explainable:
/// <see cref="Explain"/> says which rule fired where.
/// </summary>
public sealed class RuleRecognizer
{
    /// <summary>The signals the rules give, with the words that made each rule fire.</summary>
    public IReadOnlySet<string> Recognize(string text) => Explain(text).Select(f => f.Rule.Signal).ToHashSet();

    public IReadOnlyList<(TriageRule Rule, string Matched)> Explain(string text) => ExplainCorrected(ChatSpelling.Correct(text));

    /// <summary><see cref="Explain"/> for text already through <see cref="ChatSpelling.Correct"/>.</summary>
    public IReadOnlyList<(TriageRule Rule, string Matched)> ExplainCorrected(string corrected)
    {
        var fired = new List<(TriageRule, string)>();
        var signalsSeen = new HashSet<string>();
        foreach (var rule in TriageRules.All)
        {
            if (signalsSeen.Contains(rule.Signal)) continue;
            foreach (Match match in rule.Pattern.Matches(corrected))
            {
                if (!Holds(rule, corrected, match)) continue;
                fired.Add((rule, match.Value));
                signalsSeen.Add(rule.Signal);
                break;
            }
        }
        if (!signalsSeen.Contains(Signal.Emergency) && DangerNow(corrected) is { } cue)
            fired.Add((DangerCueRule, cue));
        return fired;
    }

    /// <summary>The words of this signal's rules that matched but were all cancelled (negated, past, turned down): "ik denk
    /// niet aan zelfmoord", "I don't want to die". Empty when one of them holds.</summary>
    public static IReadOnlyList<string> CancelledWords(string signal, string corrected)
    {
        var matches = TriageRules.All.Where(r => r.Signal == signal)
            .SelectMany(r => r.Pattern.Matches(corrected).Select(m => (Rule: r, Match: m))).ToList();
        return matches.Any(x => Holds(x.Rule, corrected, x.Match)) ? [] : matches.Select(x => x.Match.Value).ToList();
    }

    /// <summary>
    /// What the rules notice in a message, as features for the model: which rule matched and whether negation or
    /// tense cancelled it, which danger cues appear and in what kind of clause. The model learns how far to trust
    /// each, and so generalises from the rules' patterns instead of only from the corpus's words.
    /// </summary>
    public static IEnumerable<string> Cues(string corrected)
    {
        var rules = TriageRules.All;
        for (var i = 0; i < rules.Count; i++)
        {
            var matches = rules[i].Pattern.Matches(corrected);
            if (matches.Count == 0) continue;
            var holds = matches.Any(m => Holds(rules[i], corrected, m));
            yield return $"rule:{rules[i].Id}:{(holds ? "holds" : "cancelled")}";
            yield return $"signal:{rules[i].Signal}:{(holds ? "holds" : "cancelled")}";
        }
        foreach (var (start, end) in Clauses(corrected))
        {
            var clause = corrected[start..end];
            var kind = TriageRules.PastMarker.IsMatch(clause) ? "past" : TriageRules.HabitualMarker.IsMatch(clause) ? "habit" : "present";
            for (var j = 0; j < DangerCues.Strong.Count; j++)
            {
                foreach (Match m in DangerCues.Strong[j].Matches(clause))
                {
                    var negated = TriageRules.NegationBefore.IsMatch(LastWords(clause[..m.Index], NegationWords)) || TriageRules.NegationAfter.IsMatch(clause[(m.Index + m.Length)..]);
                    var state = negated ? "negated" : kind;
                    yield return $"cue:{j}:{state}";
                    yield return $"cue:{state}";
                }
            }
            if (DangerCues.Fear.IsMatch(clause)) yield return $"fear:{kind}";
            if (DangerCues.Now.IsMatch(clause)) yield return "now";
        }
        if (TriageRules.PastMarker.IsMatch(corrected)) yield return "past";
        if (TriageRules.HabitualMarker.IsMatch(corrected)) yield return "habit";
    }

    /// <summary>The requests the message turns down ("ik wil niet naar de politie", "no report please"): neither a rule
    /// nor the model may then start that flow.</summary>
    public static IReadOnlySet<string> DeclinedCorrected(string corrected)
    {
        var declined = new HashSet<string>();
        foreach (var rule in TriageRules.All)
        {
            if (declined.Contains(rule.Signal) || !Signal.IsRequest(rule.Signal)) continue;
            foreach (Match match in rule.Pattern.Matches(corrected))
                if (Declines(rule, corrected[ClauseAround(corrected, match.Index, match.Index + match.Length).Start..match.Index])) declined.Add(rule.Signal);
        }
        return declined;
    }

    /// <summary>A request word after "I don't want", "liever geen"… in its clause; "I'm not sure I want to" is no refusal.</summary>
    private static bool Declines(TriageRule rule, string before) =>
        Signal.IsRequest(rule.Signal) && TriageRules.DeclinedBefore.IsMatch(before) && !TriageRules.Unsure.IsMatch(before);

    /// <summary>Stands for <see cref="DangerCues"/> in explanations.</summary>
    public static readonly TriageRule DangerCueRule = TriageRule.Of(Signal.Emergency, "danger-cues", presentOnly: true);

    private static string? DangerNow(string text)
    {
        foreach (var (start, end) in Clauses(text))
        {
            var clause = text[start..end];
            if (TriageRules.PastMarker.IsMatch(clause) || TriageRules.HabitualMarker.IsMatch(clause)) continue;
            if (DangerCues.InClause(clause, m => TriageRules.NegationBefore.IsMatch(LastWords(clause[..m.Index], NegationWords))
                                                 || TriageRules.NegationAfter.IsMatch(clause[(m.Index + m.Length)..])))
                return clause.Trim();
        }
        return null;
    }

    private static IEnumerable<(int Start, int End)> Clauses(string text)
    {
        var start = 0;
        foreach (Match brk in TriageRules.ClauseBreak.Matches(text))
        {
            yield return (start, brk.Index);
            start = brk.Index + brk.Length;
        }
        yield return (start, text.Length);
    }

    private static bool Holds(TriageRule rule, string text, Match match)
    {
        var (start, end) = ClauseAround(text, match.Index, match.Index + match.Length);
        var before = text[start..match.Index];
        var after = text[(match.Index + match.Length)..end];
        if (rule.Negatable && (LastWords(before, NegationWords) is var lead && TriageRules.NegationBefore.IsMatch(lead) || TriageRules.NegationAfter.IsMatch(after)
                               || TriageRules.NegatedThought.IsMatch(LastWords(before, 5))))
            return false;
        if (Declines(rule, before)) return false;
        var clause = text[start..end];
        return !(rule.PresentOnly && (TriageRules.PastMarker.IsMatch(clause) || TriageRules.HabitualMarker.IsMatch(clause)));
    }

    private static (int Start, int End) ClauseAround(string text, int from, int to)
    {
        var start = 0;
        var end = text.Length;
        foreach (Match brk in TriageRules.ClauseBreak.Matches(text))
        {
            if (brk.Index + brk.Length <= from) start = brk.Index + brk.Length;
            else if (brk.Index >= to) { end = brk.Index; break; }
        }
        return (start, end);
    }

    /// <summary>The words before a match that may negate it: three, so "no one is following me" reads as the negation
    /// it is (the markers end where the match starts, so a longer reach adds nothing else).</summary>
    private const int NegationWords = 3;

    private static string LastWords(string text, int count)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Skip(Math.Max(0, words.Length - count)));
    }
}
