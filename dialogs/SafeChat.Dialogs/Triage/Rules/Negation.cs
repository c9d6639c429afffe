namespace SafeChat.Dialogs.Triage.Rules;

/// <summary>The words that start a negation ("niet", "geen", "not", "don't"), from every language module's triage rules.</summary>
public static class Negation
{
    public static readonly IReadOnlySet<string> Words = TriageLanguages.All.SelectMany(l => l.Features?.Negations ?? []).ToHashSet();

    /// <summary>Whether a (normalised, lower-case) text has a negation word.</summary>
    public static bool In(string text) =>
        text.Split([' ', ',', '.', '!', '?', ';', ':'], StringSplitOptions.RemoveEmptyEntries).Any(Words.Contains);
}
