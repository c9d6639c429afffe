namespace SafeChat.Bot.Staff.Live;

/// <summary>How a live chat ended, as the team chooses it on the conversation page (the API takes any short word).</summary>
public static class LiveOutcomes
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        ["helped"] = "Geholpen of advies gegeven",
        ["referred"] = "Doorverwezen naar hulp",
        ["report-made"] = "Melding gemaakt",
        ["emergency"] = "Doorverwezen naar 112",
        ["no-response"] = "Geen reactie meer",
    };

    public static string Dutch(string? outcome) => outcome is null ? "" : All.GetValueOrDefault(outcome, outcome);
}
