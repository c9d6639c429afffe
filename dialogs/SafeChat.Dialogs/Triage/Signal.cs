namespace SafeChat.Dialogs.Triage;

/// <summary>The fixed set of triage signals (shared/triage/README.md). Names are part of the contract.</summary>
public static class Signal
{
    public const string Emergency = "emergency";
    public const string SexualViolence = "sexual_violence";
    public const string DomesticViolence = "domestic_violence";
    public const string SelfHarm = "self_harm";
    public const string StreetHarassment = "street_harassment";
    public const string Bystander = "bystander";
    public const string WantsReport = "wants_report";
    public const string WantsPolice = "wants_police";
    public const string WantsHuman = "wants_human";

    /// <summary>Every signal, in the order outputs list them.</summary>
    public static readonly IReadOnlyList<string> All =
        [Emergency, SexualViolence, DomesticViolence, SelfHarm, StreetHarassment, Bystander, WantsReport, WantsPolice, WantsHuman];

    /// <summary>A signal that asks for something (a report, the police, a person) rather than tells what happened.</summary>
    public static bool IsRequest(string signal) => signal is WantsReport or WantsPolice or WantsHuman;
}

/// <summary>How sure SafeChat is that a safety line (112, 113) must come first.</summary>
public enum SafetyLevel
{
    None,
    /// <summary>Unsure: one short check question, with the number already visible.</summary>
    Check,
    /// <summary>The number at once, before anything else.</summary>
    Act,
}

/// <summary>
/// What triage made of one message. <see cref="Signals"/> lists emergency and self_harm whenever the bot shows
/// 112 or 113 first, the check question included.
/// </summary>
public sealed record TriageResult(IReadOnlySet<string> Signals)
{
    public static readonly TriageResult None = new(new HashSet<string>());

    /// <summary>The model's probability per signal (empty when there is no model, as in some tests).</summary>
    public IReadOnlyDictionary<string, float> Scores { get; init; } = new Dictionary<string, float>();

    public SafetyLevel Danger { get; init; }

    /// <summary>The danger came from the person's own words (a precise rule, a danger cue, a short cry), not from the
    /// model alone: such a message interrupts whatever question is waiting.</summary>
    public bool DangerInOwnWords { get; init; }
    public SafetyLevel SelfHarm { get; init; }

    /// <summary>Signals a precise rule gave, or the model with high confidence: a reply to a question that carries one
    /// switches to that need at once; other signals are checked with the person first.</summary>
    public IReadOnlySet<string> Sure { get; init; } = new HashSet<string>();

    /// <summary>Which part decided each signal: a rule (with the words it matched) or the model (with its score).</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    public bool Has(string signal) => Signals.Contains(signal);

    /// <summary>Given, and more likely than not (a precise rule, or the model at 0.5 or more): enough to act on
    /// without asking, where the low thresholds are there for recall.</summary>
    public bool Likely(string signal) => Has(signal) && (Sure.Contains(signal) || Scores.GetValueOrDefault(signal) >= 0.5f || Scores.Count == 0);
}

/// <summary>Turns one message into signals. Offline and explainable.</summary>
public interface ITriage
{
    /// <param name="language">The conversation's language, for a message that does not tell its own.</param>
    TriageResult Recognize(string text, string? language = null);
}
