using SafeChat.Dialogs.Triage.Model;
using SafeChat.Dialogs.Triage.Rules;

namespace SafeChat.Dialogs.Triage;

/// <summary>
/// SafeChat's triage: the trained model carries recall, the readable rules stay as overrides where they are precise
/// (explicit phrases, negation, tense, short cries, "ik ben veilig"), and <see cref="SafetyPolicy"/> decides. Loads the
/// shipped models once per process; thread-safe.
/// </summary>
public sealed class TriageRecognizer : ITriage
{
    private static readonly Lazy<IReadOnlyList<(Lazy<TriageModel> Model, ModelCard Card)>> Shipped = new(ShippedModel.LoadLazily);

    /// <summary>A model (loaded when first needed) with its card and the policy built from the card's thresholds.</summary>
    private sealed record Reader(Lazy<TriageModel> Lazy, ModelCard Card, SafetyPolicy Policy)
    {
        public TriageModel Model => Lazy.Value;
    }

    private readonly IReadOnlyList<Reader> _readers;
    private readonly RuleLayer _rules;

    public TriageRecognizer() : this(Shipped.Value) { }

    public TriageRecognizer(TriageModel model, ModelCard card, RuleLayer? rules = null) : this([(new Lazy<TriageModel>(model), card)], rules) { }

    public TriageRecognizer(IReadOnlyList<(TriageModel Model, ModelCard Card)> models, RuleLayer? rules = null)
        : this(models.Select(m => (new Lazy<TriageModel>(m.Model), m.Card)).ToList(), rules) { }

    /// <param name="models">In the order of models.json: a message goes to the first model that reads its language.</param>
    public TriageRecognizer(IReadOnlyList<(Lazy<TriageModel> Model, ModelCard Card)> models, RuleLayer? rules = null)
    {
        _readers = models.Select(m => new Reader(m.Model, m.Card, new SafetyPolicy(m.Card.Thresholds, m.Card.LanguageThresholds))).ToList();
        _rules = rules ?? new RuleLayer();
        _ = _readers[0].Model; // the first model at once: most messages need it
    }

    /// <summary>Loads every model now (the host does this in the background at start-up).</summary>
    public void LoadAllModels()
    {
        foreach (var reader in _readers) _ = reader.Model;
    }

    /// <summary>The card of the first model (the languages tuned longest).</summary>
    public ModelCard Card => _readers[0].Card;

    /// <param name="language">The conversation's language: used when the message itself does not tell its language.</param>
    public TriageResult Recognize(string text, string? language = null)
    {
        var corrected = ChatSpelling.Correct(text);
        var fired = _rules.Explain(corrected);
        var written = _rules.LanguageOf(text);
        var reader = ReaderFor(written, language);
        // When the message and the conversation may be in two languages, the more sensitive thresholds of the two apply.
        string?[] languages = [written, language];
        var findings = _rules.Find(text, corrected, fired);
        var result = reader.Policy.Decide(Scores(reader, text, corrected), findings, languages);
        var ruleReasons = fired.Select(f => $"{f.Rule.Signal}: rule matched \"{f.Matched}\" ({Shorten(f.Rule.Pattern.ToString())})");
        result = WithoutFiguresOfSpeech(reader, result with { Reasons = [.. ruleReasons, .. result.Reasons] }, corrected, languages);
        result = WithoutWhatIf(reader, result, corrected, findings, languages);
        return WithoutAsides(reader, result, corrected, findings, languages);
    }

    /// <summary>
    /// An unsure 113 on a message that denies such thoughts, asks for a person or asks about the law is read again
    /// without those words ("ik denk niet aan zelfmoord maar…", "ik wil geen bot", "what punishment would he get"): it
    /// goes only when what is left says nothing of suicide ("…ik ben het allemaal zo zat" keeps it).
    /// </summary>
    private TriageResult WithoutAsides(Reader reader, TriageResult result, string corrected, SafetyPolicy.RuleFindings findings, string?[] languages)
    {
        if (result.SelfHarm != SafetyLevel.Check || findings.SelfHarmAsides?.Value is not { Count: > 0 } asides) return result;
        var rest = asides.OrderByDescending(a => a.Length).Aggregate(corrected, (t, aside) => t.Replace(aside, " ", StringComparison.Ordinal));
        var words = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // Two words or fewer (of more than one letter) are what held the request together ("ik wil …", "I want a …"):
        // read alone, the model's most sensitive threshold took "ik wil" for the start of "ik wil niet meer".
        var again = words.Count(w => w.Length > 1) > LeftOverWords ? ReadAgain(reader, string.Join(' ', words), languages) : null;
        return Withdrawn(result, again, [Signal.SelfHarm], "without the denial, the request or the question about the law nothing of it is left");
    }

    private const int LeftOverWords = 2;

    /// <summary>The first model that reads both the language the message is written in and the conversation's (a Polish
    /// conversation with a message that looks Dutch still goes to a model that knows Polish); the first model when
    /// neither is known.</summary>
    private Reader ReaderFor(string? written, string? conversation)
    {
        string[] needed = [.. new[] { written, conversation }.OfType<string>().Distinct()];
        if (needed.Length == 0) return _readers[0];
        return _readers.FirstOrDefault(r => needed.All(r.Card.Languages.Contains))
               ?? _readers.FirstOrDefault(r => r.Card.Languages.Contains(needed[0])) ?? _readers[0];
    }

    private static Dictionary<string, float> Scores(Reader reader, string text, string corrected)
    {
        var probabilities = reader.Model.Predict(NgramFeatures.Of(text, corrected));
        var scores = new Dictionary<string, float>(reader.Model.Signals.Count);
        for (var i = 0; i < reader.Model.Signals.Count; i++) scores[reader.Model.Signals[i]] = probabilities[i];
        return scores;
    }

    /// <summary>
    /// An unsure 112 or 113 (the check question) on a message with a figure of speech ("ik ga dood van de hitte") is
    /// withdrawn when what is left without it speaks of no danger. A sure one, or one from the person's own precise
    /// words, always stays.
    /// </summary>
    private TriageResult WithoutFiguresOfSpeech(Reader reader, TriageResult result, string corrected, string?[] languages)
    {
        if (result.Danger != SafetyLevel.Check && result.SelfHarm != SafetyLevel.Check) return result;
        if (_rules.Figures.Without(corrected) is not { } rest) return result;
        return Withdrawn(result, ReadAgain(reader, rest, languages), [Signal.Emergency, Signal.SelfHarm], "a figure of speech and nothing else of it");
    }

    /// <summary>
    /// An unsure 112 on a question about what to do *if*, asked over more than one clause ("stel dat er iemand achter me
    /// aan loopt, wat is dan slim om te doen") is withdrawn when the other clauses, read again, speak of no danger; "what
    /// if he follows me, he's behind me now" keeps it. (A what-if question of one clause is the policy's own.)
    /// </summary>
    private TriageResult WithoutWhatIf(Reader reader, TriageResult result, string corrected, SafetyPolicy.RuleFindings findings, string?[] languages)
    {
        if (result.Danger != SafetyLevel.Check || findings.ShortCry || findings.Precise.Contains(Signal.Emergency)) return result;
        if (_rules.WithoutWhatIfClauses(corrected) is not { } rest) return result;
        var again = rest.Length > 0 ? ReadAgain(reader, rest, languages) : null;
        return Withdrawn(result, again, [Signal.Emergency], "a question about what to do if, and nothing else of danger");
    }

    private TriageResult ReadAgain(Reader reader, string rest, string?[] languages) =>
        reader.Policy.Decide(Scores(reader, rest, rest), _rules.Find(rest, rest), languages);

    /// <summary>Takes away each of these signals that was only a check question and that the message read again
    /// (<paramref name="again"/>; null when nothing was left to read) no longer gives.</summary>
    private static TriageResult Withdrawn(TriageResult result, TriageResult? again, string[] interrupting, string why)
    {
        var signals = new HashSet<string>(result.Signals);
        var reasons = new List<string>(result.Reasons);
        var danger = Level(result.Danger, again?.Danger, Signal.Emergency);
        var selfHarm = Level(result.SelfHarm, again?.SelfHarm, Signal.SelfHarm);
        return result with
        {
            Signals = signals, Danger = danger, SelfHarm = selfHarm, Reasons = reasons, Sure = result.Sure.Where(signals.Contains).ToHashSet(),
            DangerInOwnWords = danger != SafetyLevel.None && result.DangerInOwnWords,
        };

        SafetyLevel Level(SafetyLevel level, SafetyLevel? readAgain, string signal)
        {
            if (!interrupting.Contains(signal) || level != SafetyLevel.Check || (readAgain ?? SafetyLevel.None) != SafetyLevel.None) return level;
            signals.Remove(signal);
            reasons.Add($"{signal}: withdrawn, {why}");
            return SafetyLevel.None;
        }
    }

    private static string Shorten(string pattern) => pattern.Length <= 60 ? pattern : pattern[..57] + "...";
}
