using SafeChat.Dialogs.Triage.Model;

namespace SafeChat.Dialogs.Triage;

/// <summary>
/// The safety policy, in one place: how the rules and the model's probabilities become signals, and when 112 or 113
/// comes first.
/// <list type="bullet">
/// <item>Danger now (112) and thoughts of suicide (113): from the model's <c>Act</c> threshold, or when a precise
/// rule fires, the number at once. From its <c>On</c> threshold up to <c>Act</c>, or when only the broad danger cues
/// fire, or on a short cry ("HULP", "pls help"): one short check question with the number visible. Both count as the
/// signal, so the triage output lists it whenever the bot shows the number first.</item>
/// <item>A message that only says the person is safe ("ik ben veilig", "niet in gevaar") or is small talk ("bedankt",
/// "ok", "idk") is never danger, unless a precise danger rule fires in it too; small talk never gets the 113 check
/// question either. "Hij volgt me niet meer" takes away only the model's unsure check.</item>
/// <item>Every other signal: a precise rule, or the model from its <c>On</c> threshold; a request the message turns
/// down ("ik wil niet naar de politie") from neither.</item>
/// </list>
/// The thresholds come from the model card: the trainer chose them on the fixed test split (which training never sees)
/// for recall ≥ 0.98 on emergency and self-harm at the fewest false alarms, as issue 11 asks; the blind batches are
/// the check that they hold on sentences nobody tuned to (see tools/TriageTrainer and Triage/Blind/README.md).
/// </summary>
public sealed class SafetyPolicy(IReadOnlyDictionary<string, SignalThresholds> thresholds,
    IReadOnlyDictionary<string, Dictionary<string, SignalThresholds>>? languageThresholds = null)
{
    /// <summary>Each language's thresholds: the shared ones with that language's own emergency and self-harm ones on top.</summary>
    private readonly Dictionary<string, IReadOnlyDictionary<string, SignalThresholds>> _byLanguage =
        (languageThresholds ?? new Dictionary<string, Dictionary<string, SignalThresholds>>()).ToDictionary(kv => kv.Key,
            kv => (IReadOnlyDictionary<string, SignalThresholds>)thresholds.Where(t => !kv.Value.ContainsKey(t.Key)).Concat(kv.Value).ToDictionary());

    /// <summary>From this probability a need expressed in a reply switches flow without asking first.</summary>
    public const float SureProbability = 0.8f;

    /// <summary>What the rules found in a message.</summary>
    /// <param name="SmallTalk">Only worked out when a veto could matter (most messages carry no danger).</param>
    /// <param name="SafeStatement">The whole message says the person is safe.</param>
    /// <param name="SafeSomewhere">One sentence of a longer message says so: that takes away an unsure signal only.</param>
    /// <param name="Stopped">The message says someone stopped or went away ("hij volgt me niet meer", "hij is niet thuis"): that takes away an unsure
    /// signal from the model only, never one from the person's own words of danger.</param>
    /// <param name="Declined">Requests the message turns down ("ik wil niet naar de politie"): the model may not start them.</param>
    /// <param name="WhatIf">A question about what to do if it happened ("what should I do if someone follows me?"): takes away an
    /// unsure 112 only.</param>
    /// <param name="AboutService">A short question about SafeChat itself ("is dit anoniem?"): takes away an unsure 112 only.</param>
    /// <param name="SelfHarmAsides">Words that make the model unsure of thoughts of suicide while saying none (a denied thought,
    /// asking for a person, asking about the law): <see cref="TriageRecognizer"/> reads the message again without them.</param>
    /// Those that only take danger away are worked out when danger is there to take away (most messages carry none).
    public sealed record RuleFindings(IReadOnlySet<string> Precise, bool DangerCue, bool ShortCry, Lazy<bool> SafeStatement, Lazy<bool> SmallTalk,
                                      Lazy<bool>? SafeSomewhere = null, Lazy<bool>? Stopped = null, IReadOnlySet<string>? Declined = null,
                                      Lazy<bool>? WhatIf = null, Lazy<bool>? AboutService = null, Lazy<IReadOnlyList<string>>? SelfHarmAsides = null);

    /// <param name="languages">The languages the message may be in (written, the conversation's): the most sensitive of
    /// their emergency and self-harm thresholds apply.</param>
    public TriageResult Decide(IReadOnlyDictionary<string, float> scores, RuleFindings rules, params string?[] languages)
    {
        var chosen = ThresholdsFor(languages);
        var reasons = new List<string>();
        var danger = Level(Signal.Emergency, scores, rules, reasons, chosen);
        if (rules.ShortCry && danger < SafetyLevel.Check)
        {
            danger = SafetyLevel.Check;
            reasons.Add("emergency: a short cry for help (check question)");
        }
        if (rules.DangerCue && danger < SafetyLevel.Check)
        {
            danger = SafetyLevel.Check;
            reasons.Add("emergency: the broad danger cues (check question)");
        }
        var saidByRules = rules.Precise.Contains(Signal.Emergency) || rules.ShortCry || rules.DangerCue;
        if (danger > SafetyLevel.None && !rules.Precise.Contains(Signal.Emergency)
            && (rules.SafeStatement.Value || rules.SmallTalk.Value
                || danger == SafetyLevel.Check && (rules.SafeSomewhere?.Value == true || rules.Stopped?.Value == true && !saidByRules
                                                   || rules.WhatIf?.Value == true && !rules.ShortCry || rules.AboutService?.Value == true && !saidByRules)))
        {
            danger = SafetyLevel.None;
            saidByRules = false;
            reasons.Add("emergency: withdrawn, the message says the person is safe");
        }
        var selfHarm = Level(Signal.SelfHarm, scores, rules, reasons, chosen);
        if (selfHarm == SafetyLevel.Check && !rules.Precise.Contains(Signal.SelfHarm) && rules.SmallTalk.Value)
        {
            selfHarm = SafetyLevel.None;
            reasons.Add("self_harm: withdrawn, the message is small talk");
        }

        var signals = new HashSet<string>();
        if (danger > SafetyLevel.None) signals.Add(Signal.Emergency);
        if (selfHarm > SafetyLevel.None) signals.Add(Signal.SelfHarm);
        foreach (var signal in Signal.All.Where(s => s is not (Signal.Emergency or Signal.SelfHarm)))
        {
            if (rules.Precise.Contains(signal)) signals.Add(signal);
            else if (rules.Declined?.Contains(signal) == true) reasons.Add($"{signal}: turned down in the message");
            else if (Above(signal, scores, t => t.On, chosen) is { } p)
            {
                signals.Add(signal);
                reasons.Add($"{signal}: model {p:0.00}");
            }
        }
        var sure = signals.Where(s => rules.Precise.Contains(s) || scores.GetValueOrDefault(s) >= SureProbability).ToHashSet();
        return new TriageResult(signals) { Scores = scores, Danger = danger, SelfHarm = selfHarm, Reasons = reasons, Sure = sure, DangerInOwnWords = saidByRules };
    }

    private IReadOnlyDictionary<string, SignalThresholds> ThresholdsFor(string?[] languages)
    {
        var sets = languages.OfType<string>().Distinct().Select(l => _byLanguage.GetValueOrDefault(l) ?? thresholds).Distinct().ToList();
        if (sets.Count <= 1) return sets.FirstOrDefault() ?? thresholds;
        return thresholds.Keys.ToDictionary(signal => signal, signal => new SignalThresholds(
            sets.Min(s => s[signal].On), sets.Select(s => s[signal].Act).OfType<double>().DefaultIfEmpty().Min() is var act and > 0 ? act : null));
    }

    private static SafetyLevel Level(string signal, IReadOnlyDictionary<string, float> scores, RuleFindings rules, List<string> reasons,
        IReadOnlyDictionary<string, SignalThresholds> thresholds)
    {
        if (rules.Precise.Contains(signal)) return SafetyLevel.Act;
        if (Above(signal, scores, t => t.Act ?? t.On, thresholds) is { } act)
        {
            reasons.Add($"{signal}: model {act:0.00} (number at once)");
            return SafetyLevel.Act;
        }
        if (Above(signal, scores, t => t.On, thresholds) is { } check)
        {
            reasons.Add($"{signal}: model {check:0.00} (check question)");
            return SafetyLevel.Check;
        }
        return SafetyLevel.None;
    }

    private static float? Above(string signal, IReadOnlyDictionary<string, float> scores, Func<SignalThresholds, double> threshold,
        IReadOnlyDictionary<string, SignalThresholds> thresholds) =>
        thresholds.TryGetValue(signal, out var t) && scores.TryGetValue(signal, out var p) && p >= threshold(t) ? p : null;
}
