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
        _policy = new SafetyPolicy(card.Thresholds);
        _rules = rules ?? new RuleLayer();
    }

    public ModelCard Card { get; }

    public TriageResult Recognize(string text)
    {
        var corrected = ChatSpelling.Correct(text);
        var probabilities = _model.Predict(NgramFeatures.Of(text, corrected));
        var scores = new Dictionary<string, float>(_model.Signals.Count);
        for (var i = 0; i < _model.Signals.Count; i++) scores[_model.Signals[i]] = probabilities[i];

        var fired = _rules.Explain(corrected);
        var result = _policy.Decide(scores, _rules.Find(text, corrected, fired));
        var ruleReasons = fired.Select(f => $"{f.Rule.Signal}: rule matched \"{f.Matched}\" ({Shorten(f.Rule.Pattern.ToString())})");
        return result with { Reasons = [.. ruleReasons, .. result.Reasons] };
    }

    private static string Shorten(string pattern) => pattern.Length <= 60 ? pattern : pattern[..57] + "...";
}
