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
}

public sealed record TriageResult(IReadOnlySet<string> Signals)
{
    public static readonly TriageResult None = new(new HashSet<string>());
}

/// <summary>Turns one message into signals. Transparent rules, no network.</summary>
public interface ITriage
{
    TriageResult Recognize(string text);
}
