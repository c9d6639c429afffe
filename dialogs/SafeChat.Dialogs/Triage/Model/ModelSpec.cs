using System.Text.Json;

namespace SafeChat.Dialogs.Triage.Model;

/// <summary>
/// One triage model of Triage/Model/models.json: its name (the files &lt;name&gt;.model and &lt;name&gt;.model.json) and
/// the languages whose sentences it learns from. A message is read by the first model that lists its language, or by
/// the first model when its language is unknown. Why more than one: a language with a young corpus must not move the
/// figures of the languages whose corpus has been tuned for months.
/// </summary>
/// <param name="PerLanguageThresholds">Choose emergency and self-harm thresholds for each language on its own test lines.</param>
public sealed record ModelSpec(string Name, IReadOnlyList<string> Languages, bool PerLanguageThresholds = false)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<ModelSpec> Load(Stream json)
    {
        using (json)
        {
            var specs = JsonSerializer.Deserialize<List<ModelSpec>>(json, Json) ?? [];
            return specs.Count > 0 ? specs : throw new InvalidDataException("models.json lists no model.");
        }
    }
}
