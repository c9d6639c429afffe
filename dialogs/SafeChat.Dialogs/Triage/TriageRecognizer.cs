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
    private static readonly Lazy<(TriageModel Model, ModelCard Card)> Embedded = new(EmbeddedModel.Load);

    private readonly TriageModel _model;
    private readonly SafetyPolicy _policy;
    private readonly RuleLayer _rules;

    public TriageRecognizer() : this(Embedded.Value.Model, Embedded.Value.Card) { }

    public TriageRecognizer(TriageModel model, ModelCard card, RuleLayer? rules = null)
    {
        _model = model;
        Card = card;
        _policy = new SafetyPolicy(card.Thresholds, card.LanguageThresholds);
        _rules = rules ?? new RuleLayer();
    }

    public ModelCard Card { get; }

    public TriageResult Recognize(string text)
    {
        var corrected = ChatSpelling.Correct(text);
        var fired = _rules.Explain(corrected);
        var result = _policy.Decide(Scores(text, corrected), _rules.Find(text, corrected, fired), _rules.LanguageOf(text));
        var ruleReasons = fired.Select(f => $"{f.Rule.Signal}: rule matched \"{f.Matched}\" ({Shorten(f.Rule.Pattern.ToString())})");
        return WithoutFiguresOfSpeech(result with { Reasons = [.. ruleReasons, .. result.Reasons] }, corrected);
    }

    private Dictionary<string, float> Scores(string text, string corrected)
    {
        var probabilities = _model.Predict(NgramFeatures.Of(text, corrected));
        var scores = new Dictionary<string, float>(_model.Signals.Count);
        for (var i = 0; i < _model.Signals.Count; i++) scores[_model.Signals[i]] = probabilities[i];
        return scores;
    }

    /// <summary>
    /// An unsure 112 or 113 (the check question) on a message with a figure of speech ("ik ga dood van de hitte") is
    /// withdrawn when what is left without it speaks of no danger. A sure one, or one from the person's own precise
    /// words, always stays.
    /// </summary>
    private TriageResult WithoutFiguresOfSpeech(TriageResult result, string corrected)
    {
        if (result.Danger != SafetyLevel.Check && result.SelfHarm != SafetyLevel.Check) return result;
        if (_rules.Figures.Without(corrected) is not { } rest) return result;
        var again = _policy.Decide(Scores(rest, rest), _rules.Find(rest, rest), _rules.LanguageOf(corrected));
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
