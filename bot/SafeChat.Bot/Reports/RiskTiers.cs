using SafeChat.Dialogs.Reports;
using SafeChat.Dialogs.Triage;

namespace SafeChat.Bot.Reports;

/// <summary>
/// How urgent a report is, by rules you can read here and nowhere else. Tier 1 is acted on first.
/// The reason is stored with the report, so staff see why it is where it is in the queue.
/// </summary>
public static class RiskTiers
{
    public sealed record Facts(ReportSubmitted Report, DateOnly Today, int RecentReportsAtSamePlace);

    /// <summary>Reports from the same place in the past week that make a new one a repeat: counting further changes nothing.</summary>
    public const int RepeatLocationAfter = 2;

    public static (int Tier, string Reason) Assess(Facts facts)
    {
        var report = facts.Report;
        var signals = report.Signals.ToHashSet();
        var recent = report.OccurredOn is { } day && day >= facts.Today.AddDays(-7);

        if (signals.Contains(Signal.Emergency) || signals.Contains(Signal.SelfHarm)) return (1, "danger-signal");
        if (signals.Contains(Signal.SexualViolence) && recent) return (1, "sexual-violence-within-7-days");
        if (report.Categories.Contains("touching") && recent) return (1, "physical-contact-within-7-days");
        if (report.Categories.Contains("touching")) return (2, "physical-contact");
        if (facts.RecentReportsAtSamePlace >= RepeatLocationAfter) return (2, "repeat-location");
        return (3, "other");
    }
}
