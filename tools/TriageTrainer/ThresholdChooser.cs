using SafeChat.Dialogs.Triage;
using SafeChat.Dialogs.Triage.Model;

namespace SafeChat.TriageTrainer;

/// <summary>
/// Chooses each signal's thresholds, applying the same rules-and-model combination as <see cref="SafetyPolicy"/>.
/// Emergency and self-harm: the highest "check" threshold that keeps recall ≥ <see cref="SafetyRecall"/> on the test
/// split (the fewest false alarms at that recall, as issue 11 prescribes), and an "act" threshold, chosen on held-out
/// folds of the training split, from which the model alone is right at least <see cref="ActPrecision"/> of the time.
/// Sexual and domestic violence keep recall ≥ <see cref="HarmRecall"/> on the held-out folds; the other signals take
/// the threshold with the best F1 there.
/// </summary>
public static class ThresholdChooser
{
    public const double SafetyRecall = 0.98, HarmRecall = 0.96, ActPrecision = 0.95;

    /// <param name="ruleSays">Per sentence: would the rules alone give this signal (precise rule, cue or short cry)?</param>
    /// <param name="vetoed">Per sentence: does the safe-statement veto take it away?</param>
    public static SignalThresholds Choose(string signal, IReadOnlyList<float> probabilities, IReadOnlyList<bool> expected,
        IReadOnlyList<bool> ruleSays, IReadOnlyList<bool> vetoed)
    {
        var candidates = probabilities.Distinct().Order().Select(p => (double)p).Append(1.01).ToList();
        var positives = expected.Count(e => e);

        double Recall(double t) => positives == 0 ? 1 :
            (double)Enumerable.Range(0, expected.Count).Count(i => expected[i] && Given(i, t)) / positives;
        double F1(double t)
        {
            int tp = 0, fp = 0;
            for (var i = 0; i < expected.Count; i++)
                if (Given(i, t)) { if (expected[i]) tp++; else fp++; }
            return tp == 0 ? 0 : 2.0 * tp / (2 * tp + fp + (positives - tp));
        }
        bool Given(int i, double t) => (ruleSays[i] || probabilities[i] >= t) && !vetoed[i];

        switch (signal)
        {
            case Signal.Emergency or Signal.SelfHarm:
                return new SignalThresholds(Round(candidates.Where(t => Recall(t) >= SafetyRecall).DefaultIfEmpty(candidates[0]).Max()),
                    Round(candidates.Where(t => ModelPrecision(t) >= ActPrecision).DefaultIfEmpty(1.01).Min()));
            case Signal.SexualViolence or Signal.DomesticViolence:
                return new SignalThresholds(Round(candidates.Where(t => Recall(t) >= HarmRecall).DefaultIfEmpty(candidates[0]).Max()));
            default:
                return new SignalThresholds(Round(candidates.MaxBy(F1)));
        }

        double ModelPrecision(double t)
        {
            int tp = 0, all = 0;
            for (var i = 0; i < expected.Count; i++)
                if (probabilities[i] >= t) { all++; if (expected[i]) tp++; }
            return all == 0 ? 1 : (double)tp / all;
        }
    }

    /// <summary>Rounded down, so a sentence exactly at the chosen probability stays above it.</summary>
    private static double Round(double t) => Math.Floor(t * 10000) / 10000;
}
