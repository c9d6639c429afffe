using System.Text.RegularExpressions;

namespace SafeChat.Dialogs.Triage.Rules;

/// <summary>
/// One readable rule: a pattern over the corrected text and the signal it gives.
/// <see cref="PresentOnly"/> rules describe something happening now and are dropped when the same clause
/// speaks of the past ("gisteren", "last night"). Negatable rules are cancelled by a negation right before
/// them ("niet in gevaar") or right after ("volgt me niet meer").
/// </summary>
public sealed record TriageRule(string Signal, Regex Pattern, bool PresentOnly, bool Negatable)
{
    /// <summary>The rule's id in the language modules, which names it in the model's features ("rule:&lt;id&gt;").</summary>
    public int Id { get; init; } = -1;

    public static TriageRule Of(string signal, string pattern, bool presentOnly = false, bool negatable = true) =>
        new(signal, new Regex(pattern, RegexOptions.Compiled | RegexOptions.CultureInvariant), presentOnly, negatable);
}
