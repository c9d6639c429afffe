namespace SafeChat.Bot.Staff.Cases;

/// <summary>How a case can end. Closing needs one of these plus a few words.</summary>
public static class CaseOutcomes
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        ["referred"] = "Doorverwezen naar hulp",
        ["advised"] = "Advies of informatie gegeven",
        ["enforcement-informed"] = "Handhaving geïnformeerd over de plek",
        ["reporter-unreachable"] = "Melder niet bereikbaar",
        ["no-action-needed"] = "Geen actie nodig",
        ["duplicate"] = "Dubbele melding",
        ["withdrawn"] = "Melder heeft ingetrokken",
    };

    /// <summary>Organisations a warm handover can go to (keys of the service directory).</summary>
    public static readonly IReadOnlyList<string> HandoverTo = ["slachtofferhulp", "csg", "veilig-thuis"];
}
