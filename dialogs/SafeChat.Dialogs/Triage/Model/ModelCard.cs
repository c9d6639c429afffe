using System.Text.Json;
using System.Text.Json.Serialization;

namespace SafeChat.Dialogs.Triage.Model;

/// <summary>
/// What the trainer wrote next to the model: which corpus it learned from (a hash of every corpus file), the
/// thresholds the safety policy uses, and how well it did on the test split it never saw. Tests check the hashes,
/// so a model that was not trained from the committed corpus cannot pass.
/// </summary>
public sealed class ModelCard
{
    public required string CorpusSha256 { get; init; }
    public required string ModelSha256 { get; init; }
    public required int Seed { get; init; }
    public required int TrainLines { get; init; }
    public required int TestLines { get; init; }

    /// <summary>The languages this model learned from and reads (see <see cref="ModelSpec"/>).</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];
    public required Dictionary<string, SignalThresholds> Thresholds { get; init; }

    /// <summary>Per language, the emergency and self-harm thresholds chosen on that language's own test lines (recall
    /// ≥ 0.98 in each language, not only over all of them): a message the detector places in a language uses these.</summary>
    public Dictionary<string, Dictionary<string, SignalThresholds>>? LanguageThresholds { get; init; }
    public required Dictionary<string, SignalFigures> TestSplit { get; init; }
    public double EmergencyFalseAlarmRate { get; init; }
    public double MacroF1 { get; init; }

    /// <summary>The safety figures on each language module's part of the test split.</summary>
    public Dictionary<string, LanguageFigures>? ByLanguage { get; init; }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static ModelCard Load(Stream stream) =>
        JsonSerializer.Deserialize<ModelCard>(stream, Json) ?? throw new InvalidDataException("The model card is empty.");
}

/// <summary>
/// <see cref="On"/>: from this probability the signal is given. For the two signals that interrupt (112, 113):
/// from <see cref="On"/> a short check question with the number visible, from <see cref="Act"/> the number at once.
/// </summary>
public sealed record SignalThresholds(double On, double? Act = null);

public sealed record SignalFigures(int Support, double Precision, double Recall, double F1);

/// <summary>One language's test lines: how many, recall of danger now and of thoughts of suicide, false emergencies.</summary>
public sealed record LanguageFigures(int Lines, double EmergencyRecall, double SelfHarmRecall, double EmergencyFalseAlarms, double MacroF1);
