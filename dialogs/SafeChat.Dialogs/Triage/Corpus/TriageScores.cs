namespace SafeChat.Dialogs.Triage.Corpus;

/// <summary>Precision, recall and F1 per signal over a labelled set, and the false alarms that matter most.</summary>
public sealed class TriageScores
{
    public sealed record LabelledText(string Text, IReadOnlySet<string> Expected);

    public sealed record Score(int TruePositive, int FalsePositive, int FalseNegative)
    {
        public int Support => TruePositive + FalseNegative;
        public double Recall => Support == 0 ? 1 : (double)TruePositive / Support;
        public double Precision => TruePositive + FalsePositive == 0 ? 1 : (double)TruePositive / (TruePositive + FalsePositive);
        public double F1 => Recall + Precision == 0 ? 0 : 2 * Recall * Precision / (Recall + Precision);
    }

    public required IReadOnlyDictionary<string, Score> Scores { get; init; }
    public required int Cases { get; init; }

    /// <summary>Share of messages without danger for which the bot would still show 112 first.</summary>
    public required double EmergencyFalseAlarmRate { get; init; }

    public required IReadOnlyList<string> Mistakes { get; init; }
    public double MacroF1 => Scores.Values.Average(s => s.F1);

    public static TriageScores Run(Func<string, IReadOnlySet<string>> recognize, IEnumerable<LabelledText> cases)
    {
        var counts = Signal.All.ToDictionary(s => s, _ => (tp: 0, fp: 0, fn: 0));
        var mistakes = new List<string>();
        int total = 0, calm = 0, falseAlarms = 0;
        foreach (var @case in cases)
        {
            total++;
            var got = recognize(@case.Text);
            foreach (var signal in Signal.All)
            {
                var (tp, fp, fn) = counts[signal];
                bool expected = @case.Expected.Contains(signal), actual = got.Contains(signal);
                counts[signal] = (tp + (expected && actual ? 1 : 0), fp + (!expected && actual ? 1 : 0), fn + (expected && !actual ? 1 : 0));
            }
            if (!@case.Expected.Contains(Signal.Emergency))
            {
                calm++;
                if (got.Contains(Signal.Emergency)) falseAlarms++;
            }
            if (!got.SetEquals(@case.Expected))
                mistakes.Add($"expected [{string.Join(",", @case.Expected.Order())}] got [{string.Join(",", got.Order())}]: {@case.Text}");
        }
        return new TriageScores
        {
            Scores = counts.ToDictionary(kv => kv.Key, kv => new Score(kv.Value.tp, kv.Value.fp, kv.Value.fn)),
            Cases = total,
            EmergencyFalseAlarmRate = calm == 0 ? 0 : (double)falseAlarms / calm,
            Mistakes = mistakes,
        };
    }

    public string Table() =>
        $"{"signal",-18} {"support",7} {"precision",9} {"recall",7} {"F1",6}\n"
        + string.Join("\n", Scores.Select(kv => $"{kv.Key,-18} {kv.Value.Support,7} {kv.Value.Precision,9:0.000} {kv.Value.Recall,7:0.000} {kv.Value.F1,6:0.000}"))
        + $"\nmacro-F1 {MacroF1:0.000}; emergency false alarms {EmergencyFalseAlarmRate:P1} ({Cases} messages)";
}
