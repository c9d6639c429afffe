namespace SafeChat.Dialogs.Triage.Rules;

/// <summary>
/// Everything the readable rules say about a message, in the form <see cref="SafetyPolicy"/> reads: the precise rules
/// that fired, the broad danger cues, a short cry for help, and whether the message only says the person is safe or is
/// small talk. The trainer uses the same layer, so thresholds are chosen for what the bot really does.
/// </summary>
public sealed class RuleLayer(Func<string, bool> smallTalk, ShortCries cries, PhrasePatterns figures, PhrasePatterns? hypotheticals = null,
    Func<string, bool>? aboutService = null, Func<string, string?>? languageOf = null, Func<string, IReadOnlyList<string>>? lawWords = null)
{
    /// <summary>The language a message is written in, when its script or words tell (null otherwise).</summary>
    public string? LanguageOf(string text) => languageOf?.Invoke(text);

    /// <summary>Death and harm as a figure of speech ("ik ga dood van de hitte"): what is left without them is read again.</summary>
    public PhrasePatterns Figures { get; } = figures;

    /// <summary>Words of danger inside a clause that asks what to do *if* ("stel dat iemand me achtervolgt, wat doe ik
    /// dan?") are not danger now: they are left to the model, and the rest of the message is read again.</summary>
    private bool InWhatIfClause(string corrected, string matched)
    {
        if (hypotheticals is null) return false;
        var clause = corrected.Split([',', ';', '.', '!', '?']).FirstOrDefault(c => c.Contains(matched, StringComparison.Ordinal));
        return clause is not null && hypotheticals.Without(clause) is not null;
    }

    /// <summary>The clauses of a message that do not ask what to do *if* ("stel dat iemand me volgt, wat is dan slim?" →
    /// "wat is dan slim?"), or null when no clause asks that: what is left is read again.</summary>
    public string? WithoutWhatIfClauses(string corrected)
    {
        if (hypotheticals is null) return null;
        var clauses = corrected.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (clauses.Length < 2) return null;
        var rest = clauses.Where(c => hypotheticals.Without(c) is null).ToList();
        return rest.Count < clauses.Length ? string.Join(", ", rest) : null;
    }

    private readonly RuleRecognizer _rules = new();

    public RuleLayer() : this(Understanding.Understander.LoadEmbedded()) { }

    private RuleLayer(Understanding.Understander understander) : this(understander.IsSmallTalk, understander.ShortCries, understander.FiguresOfSpeech,
        understander.Hypotheticals, text => understander.ServiceQuestionKind(Engine.TextNormalizer.Normalize(text)) is not null,
        text => understander.Detector.Likely(text), text => understander.LawWords(Engine.TextNormalizer.Normalize(text))) { }

    public IReadOnlyList<(TriageRule Rule, string Matched)> Explain(string corrected) => _rules.ExplainCorrected(corrected);

    public SafetyPolicy.RuleFindings Find(string text) => Find(text, ChatSpelling.Correct(text));

    public SafetyPolicy.RuleFindings Find(string text, string corrected) => Find(text, corrected, _rules.ExplainCorrected(corrected));

    /// <param name="corrected">The text through <see cref="ChatSpelling.Correct"/> (computed once per message).</param>
    public SafetyPolicy.RuleFindings Find(string text, string corrected, IReadOnlyList<(TriageRule Rule, string Matched)> fired) => new(
        fired.Where(f => f.Rule != RuleRecognizer.DangerCueRule && !(f.Rule.Signal == Signal.Emergency && InWhatIfClause(corrected, f.Matched)))
            .Select(f => f.Rule.Signal).ToHashSet(),
        DangerCue: fired.Any(f => f.Rule == RuleRecognizer.DangerCueRule),
        ShortCry: cries.IsCry(corrected) || cries.IsCryOnAnotherKeyboard(text),
        SafeStatement: new Lazy<bool>(() => SafeStatements.IsSafeNowCorrected(corrected)),
        SmallTalk: new Lazy<bool>(() => !Shouting(text) && (smallTalk(text) || SafeStatements.IsThanksCorrected(corrected))),
        SafeSomewhere: new Lazy<bool>(() => SafeStatements.SaysSafeSomewhereCorrected(corrected) && SafeStatements.NothingOfHimAfterSafe(corrected)),
        Stopped: new Lazy<bool>(() => SafeStatements.HasStoppedCorrected(corrected) || SafeStatements.SaysAwayCorrected(corrected)),
        Declined: RuleRecognizer.DeclinedCorrected(corrected),
        WhatIf: new Lazy<bool>(() => OneClause(corrected) && hypotheticals?.Without(corrected) is not null),
        AboutService: new Lazy<bool>(() => OneClause(corrected) && (aboutService?.Invoke(text) == true || aboutService?.Invoke(corrected) == true)),
        SelfHarmAsides: new Lazy<IReadOnlyList<string>>(() => Asides(text, corrected, fired)));

    /// <summary>Words that can make the model unsure of thoughts of suicide while saying none: a denied thought ("ik denk
    /// niet aan zelfmoord"), asking for a person ("ik wil geen bot"), asking about the law ("what punishment…"). The
    /// recogniser reads the message again without them; only if what is left says nothing of it does an unsure 113 go.</summary>
    private IReadOnlyList<string> Asides(string text, string corrected, IReadOnlyList<(TriageRule Rule, string Matched)> fired)
    {
        if (fired.Any(f => f.Rule.Signal == Signal.SelfHarm)) return [];
        return [.. RuleRecognizer.CancelledWords(Signal.SelfHarm, corrected),
            .. fired.Where(f => f.Rule.Signal == Signal.WantsHuman).Select(f => f.Matched),
            .. lawWords?.Invoke(text) ?? []];
    }

    /// <summary>Nothing follows the question: "is dit anoniem? hij staat voor mijn deur" is not only a question.</summary>
    private static bool OneClause(string corrected) => corrected.Trim().TrimEnd('?', '!', '.', ' ').IndexOfAny([',', '.', ';', '!', '?']) < 0;

    /// <summary>"PLEASE", "NEE": a word in capitals is a cry, not small talk (scripts without capitals never shout).</summary>
    private static bool Shouting(string text) => text.Count(char.IsUpper) >= 3 && !text.Any(char.IsLower);
}
