using SafeChat.Dialogs.Triage;

namespace SafeChat.Dialogs.Tests.Triage;

/// <summary>Scores the recogniser on a labelled set: recall, precision and F1 per signal.</summary>
public sealed class TriageEvaluation
{
    public static readonly string[] AllSignals =
    [
        Signal.Emergency, Signal.SexualViolence, Signal.DomesticViolence, Signal.SelfHarm, Signal.StreetHarassment,
        Signal.Bystander, Signal.WantsReport, Signal.WantsPolice, Signal.WantsHuman,
    ];

    public sealed record Case(string Text, IReadOnlySet<string> Expected);

    public sealed record Score(int TruePositive, int FalsePositive, int FalseNegative)
    {
        public double Recall => TruePositive + FalseNegative == 0 ? 1 : (double)TruePositive / (TruePositive + FalseNegative);
        public double Precision => TruePositive + FalsePositive == 0 ? 1 : (double)TruePositive / (TruePositive + FalsePositive);
        public double F1 => Recall + Precision == 0 ? 0 : 2 * Recall * Precision / (Recall + Precision);
    }

    public required IReadOnlyDictionary<string, Score> Scores { get; init; }
    public required double EmergencyFalseAlarmRate { get; init; }
    public required IReadOnlyList<string> Mistakes { get; init; }
    public double MacroF1 => Scores.Values.Average(s => s.F1);

    public static IReadOnlyList<Case> Load(string path) =>
        File.ReadLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t', 2))
            .Select(parts => new Case(parts[1], parts[0] == "-" ? new HashSet<string>() : parts[0].Split(',').ToHashSet()))
            .ToList();

    public static TriageEvaluation Run(ITriage triage, IReadOnlyList<Case> cases)
    {
        var counts = AllSignals.ToDictionary(s => s, _ => (tp: 0, fp: 0, fn: 0));
        var mistakes = new List<string>();
        var falseAlarms = 0;
        foreach (var @case in cases)
        {
            var got = triage.Recognize(@case.Text).Signals;
            foreach (var signal in AllSignals)
            {
                var (tp, fp, fn) = counts[signal];
                bool expected = @case.Expected.Contains(signal), actual = got.Contains(signal);
                counts[signal] = (tp + (expected && actual ? 1 : 0), fp + (!expected && actual ? 1 : 0), fn + (expected && !actual ? 1 : 0));
            }
            if (got.Contains(Signal.Emergency) && !@case.Expected.Contains(Signal.Emergency)) falseAlarms++;
            if (!got.SetEquals(@case.Expected))
                mistakes.Add($"expected [{string.Join(",", @case.Expected.Order())}] got [{string.Join(",", got.Order())}]: {@case.Text}");
        }
        var nonEmergency = cases.Count(c => !c.Expected.Contains(Signal.Emergency));
        return new TriageEvaluation
        {
            Scores = counts.ToDictionary(kv => kv.Key, kv => new Score(kv.Value.tp, kv.Value.fp, kv.Value.fn)),
            EmergencyFalseAlarmRate = nonEmergency == 0 ? 0 : (double)falseAlarms / nonEmergency,
            Mistakes = mistakes,
        };
    }

    public string Report() =>
        string.Join("\n", Scores.Select(kv => $"{kv.Key,-18} recall {kv.Value.Recall:0.00}  precision {kv.Value.Precision:0.00}  F1 {kv.Value.F1:0.00}"))
        + $"\nmacro-F1 {MacroF1:0.000}; emergency false alarms {EmergencyFalseAlarmRate:P1}\n" + string.Join("\n", Mistakes);
}
