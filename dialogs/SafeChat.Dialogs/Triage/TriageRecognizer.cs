using SafeChat.Dialogs.Triage.Model;
using SafeChat.Dialogs.Triage.Rules;

namespace SafeChat.Dialogs.Triage;

/// <summary>
/// SafeChat's triage: the trained model carries recall, the readable rules stay as overrides where they are precise
/// (explicit phrases, negation, tense, short cries, "ik ben veilig"), and <see cref="SafetyPolicy"/> decides. Loads the
/// embedded model once per process; thread-safe.
/// </summary>
public sealed class TriageRecognizer : ITriage
{
    private static readonly Lazy<IReadOnlyList<(TriageModel Model, ModelCard Card)>> Embedded = new(EmbeddedModel.LoadAll);

    /// <summary>A model with its card and the policy built from the card's thresholds.</summary>
    private sealed record Reader(TriageModel Model, ModelCard Card, SafetyPolicy Policy);

    private readonly IReadOnlyList<Reader> _readers;
    private readonly RuleLayer _rules;

    public TriageRecognizer() : this(Embedded.Value) { }

    public TriageRecognizer(TriageModel model, ModelCard card, RuleLayer? rules = null) : this([(model, card)], rules) { }

    /// <param name="models">In the order of models.json: a message goes to the first model that reads its language.</param>
    public TriageRecognizer(IReadOnlyList<(TriageModel Model, ModelCard Card)> models, RuleLayer? rules = null)
    {
        _readers = models.Select(m => new Reader(m.Model, m.Card, new SafetyPolicy(m.Card.Thresholds, m.Card.LanguageThresholds))).ToList();
        _rules = rules ?? new RuleLayer();
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
        // The conversation's language chose the person's thresholds; a message alone tells less.
        var thresholdsOf = language ?? written;
        var result = reader.Policy.Decide(Scores(reader, text, corrected), _rules.Find(text, corrected, fired), thresholdsOf);
        var ruleReasons = fired.Select(f => $"{f.Rule.Signal}: rule matched \"{f.Matched}\" ({Shorten(f.Rule.Pattern.ToString())})");
        return WithoutFiguresOfSpeech(reader, result with { Reasons = [.. ruleReasons, .. result.Reasons] }, corrected, thresholdsOf);
    }

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
    private TriageResult WithoutFiguresOfSpeech(Reader reader, TriageResult result, string corrected, string? language)
    {
        if (result.Danger != SafetyLevel.Check && result.SelfHarm != SafetyLevel.Check) return result;
        if (_rules.Figures.Without(corrected) is not { } rest) return result;
        var again = reader.Policy.Decide(Scores(reader, rest, rest), _rules.Find(rest, rest), language);
        var signals = new HashSet<string>(result.Signals);
        var reasons = new List<string>(result.Reasons);
        var danger = Withdrawn(result.Danger, again.Danger, Signal.Emergency);
        var selfHarm = Withdrawn(result.SelfHarm, again.SelfHarm, Signal.SelfHarm);
        return result with
        {
            Signals = signals, Danger = danger, SelfHarm = selfHarm, Reasons = reasons, Sure = result.Sure.Where(signals.Contains).ToHashSet(),
            DangerInOwnWords = danger != SafetyLevel.None && result.DangerInOwnWords,
        };

        SafetyLevel Withdrawn(SafetyLevel level, SafetyLevel withoutFigures, string signal)
        {
            if (level != SafetyLevel.Check || withoutFigures != SafetyLevel.None) return level;
            signals.Remove(signal);
            reasons.Add($"{signal}: withdrawn, a figure of speech and nothing else of it");
            return SafetyLevel.None;
        }
    }

    private static string Shorten(string pattern) => pattern.Length <= 60 ? pattern : pattern[..57] + "...";
}
