namespace SafeChat.Dialogs.Triage.Model;

/// <summary>The committed models and their cards, built into the assembly (Triage/Model/&lt;name&gt;.model[.json]), in the
/// order of Triage/Model/models.json.</summary>
public static class EmbeddedModel
{
    private const string Prefix = "SafeChat.Triage.";

    /// <summary>The first model: the one for the languages whose corpus is tuned longest, and for messages of unknown language.</summary>
    public static (TriageModel Model, ModelCard Card) Load() => LoadAll()[0];

    public static IReadOnlyList<(TriageModel Model, ModelCard Card)> LoadAll() =>
        ModelSpec.Load(Open("models.json")).Select(spec =>
        {
            using var model = Open(spec.Name + ".model");
            using var card = Open(spec.Name + ".model.json");
            return (TriageModel.Load(model), ModelCard.Load(card));
        }).ToList();

    private static Stream Open(string name) =>
        typeof(EmbeddedModel).Assembly.GetManifestResourceStream(Prefix + name)
        ?? throw new FileNotFoundException($"The triage model file '{name}' is missing from the build: run tools/TriageTrainer.");
}
