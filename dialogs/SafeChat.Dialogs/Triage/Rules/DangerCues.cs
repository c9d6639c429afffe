using System.Text.RegularExpressions;
using static SafeChat.Dialogs.Triage.Rules.TriageLanguages;

namespace SafeChat.Dialogs.Triage.Rules;

/// <summary>
/// The second, broader test for danger now. People describe danger in countless ways, so instead of
/// phrases this looks for cues: one strong cue (pursuit, intrusion, a weapon, force, someone lurking)
/// in a clause that is not about the past, not habitual and not negated; or fear together with "now".
/// Missing real danger costs far more than a needless 112 card, so this errs on the side of 112.
/// The words are the language modules' (dangerCues in Languages/&lt;code&gt;/triage-rules.json).
/// </summary>
public static class DangerCues
{
    /// <summary>The strong cues by id, each module's part one alternative. The model's features name a cue by its index
    /// ("cue:3:present"), so the ids must run 0, 1, 2… without a gap.</summary>
    public static readonly IReadOnlyList<Regex> Strong = Join(TriageLanguages.All);

    public static readonly Regex Fear = new($@"\b{Either(l => l.DangerCues?.Fear)}\b", RegexOptions.Compiled);

    public static readonly Regex Now = new($@"\b{Either(l => l.DangerCues?.Now)}\b", RegexOptions.Compiled);

    /// <summary>Talk about hurting oneself belongs to 113, not to 112.</summary>
    private static readonly Regex AboutOneself = new($@"\b{Either(l => l.DangerCues?.AboutOneself)}\b", RegexOptions.Compiled);

    public static bool InClause(string clause, Func<Match, bool> negated)
    {
        if (AboutOneself.IsMatch(clause)) return false;
        if (Strong.Any(cue => cue.Matches(clause).Any(m => !negated(m)))) return true;
        return Fear.Matches(clause).Any(m => !negated(m)) && Now.IsMatch(clause);
    }

    private static Regex[] Join(IEnumerable<TriageLanguage> languages)
    {
        var cues = new List<Regex>();
        foreach (var group in languages.SelectMany(l => l.DangerCues?.Strong ?? []).GroupBy(c => c.Id).OrderBy(g => g.Key))
        {
            if (group.Key != cues.Count) throw new InvalidDataException($"Danger cue ids must run 0, 1, 2… without a gap: {cues.Count} is missing.");
            cues.Add(new Regex(Joined(group.Select(c => c.Pattern)), RegexOptions.Compiled | RegexOptions.CultureInvariant));
        }
        return [.. cues];
    }
}
