using System.Text.Json;
using System.Text.Json.Serialization;

namespace SafeChat.Dialogs.Triage.Rules;

/// <summary>
/// One language module's part of triage (Languages/&lt;language&gt;/triage-rules.json): its parts of the rules, danger
/// cues, markers of tense and negation, safe statements, chat spelling and model features. Every section may be missing:
/// a module without the file, or without a section, adds nothing there. <see cref="TriageLanguages"/> joins the modules.
/// </summary>
internal sealed record TriageLanguage(
    [property: JsonPropertyName("_about")] string? About,
    Dictionary<string, List<string>>? Macros,
    List<TriageLanguage.RulePart>? Rules,
    TriageLanguage.CueWords? DangerCues,
    TriageLanguage.MarkerWords? Markers,
    TriageLanguage.SafeWords? SafeStatements,
    TriageLanguage.SpellingWords? Spelling,
    TriageLanguage.FeatureWords? Features)
{
    /// <summary>This language's part of the rule <paramref name="Id"/>; the id is the rule's feature name in the model.</summary>
    public sealed record RulePart(
        int Id, string Signal, string Pattern, bool PresentOnly = false, bool Negatable = true,
        [property: JsonPropertyName("_about")] string? About = null);

    /// <summary>This language's part of the strong danger cue <paramref name="Id"/> (the model's "cue:&lt;id&gt;").</summary>
    public sealed record CuePart(int Id, string Pattern);

    public sealed record CueWords(
        [property: JsonPropertyName("_about")] string? About, List<CuePart>? Strong, string? Fear, string? Now, string? AboutOneself);

    public sealed record MarkerWords(
        [property: JsonPropertyName("_about")] string? About, string? Past, string? Habitual, string? NegationBefore,
        string? NegatedThought, string? ObjectBeforeNegation, string? NegationAfter, string? DeclinedBefore, string? Unsure,
        string? ClauseBreak);

    public sealed record SafeWords(
        [property: JsonPropertyName("_about")] string? About, string? ClauseBreakWords, string? And, string? StillGoingOn,
        string? No, string? PoliteAfterNo, string? SafeNow, string? NowAfter, string? ThanksAfter, string? PlaceLead,
        string? SafePlace, string? AwayLead, string? Away, string? AloneNow, string? NoLongerLead, string? NoLongerWho,
        string? NoLongerEnd, string? AboutOneself, string? NotSafe, string? SecuredNow, string? ThanksPart, string? GoOnPart = null,
        string? OfHim = null);

    public sealed record SpellingWords(
        [property: JsonPropertyName("_about")] string? About, Dictionary<string, string>? Shorthand, List<string>? Keywords, List<string>? Words = null);

    public sealed record FeatureWords(
        [property: JsonPropertyName("_about")] string? About, List<string>? Negations, List<string>? ScopeEnd,
        string? Hypothetical, string? Negated);

    /// <summary>Set when the module is loaded: the folder it came from.</summary>
    [JsonIgnore] public string Language { get; init; } = "";

    // A misspelt field would silently drop words from triage, so a field the engine does not know is an error.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static TriageLanguage Load(string language, Stream json) =>
        (JsonSerializer.Deserialize<TriageLanguage>(json, Json) ?? throw new InvalidDataException($"{language}/triage-rules.json is empty."))
        with { Language = language };
}
