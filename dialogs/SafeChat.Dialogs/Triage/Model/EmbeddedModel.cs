namespace SafeChat.Dialogs.Triage.Model;

/// <summary>The committed models and their cards, built into the assembly (Triage/Model/&lt;name&gt;.model[.json]), in the
/// order of Triage/Model/models.json.</summary>
public static class EmbeddedModel
{
    private const string Prefix = "SafeChat.Triage.";

    /// <summary>The first model: the one for the languages whose corpus is tuned longest, and for messages of unknown language.</summary>
    public static (TriageModel Model, ModelCard Card) Load()
    {
        var first = LoadLazily()[0];
        return (first.Model.Value, first.Card);
    }

    public static IReadOnlyList<(TriageModel Model, ModelCard Card)> LoadAll() =>
        LoadLazily().Select(m => (m.Model.Value, m.Card)).ToList();

    /// <summary>Every card at once; each model only when first needed (the first at start-up, the others when a message in
    /// one of their languages comes), so start-up stays short.</summary>
    public static IReadOnlyList<(Lazy<TriageModel> Model, ModelCard Card)> LoadLazily() =>
        ModelSpec.Load(Open("models.json")).Select(spec =>
        {
            using var card = Open(spec.Name + ".model.json");
            return (new Lazy<TriageModel>(() =>
            {
                using var model = Open(spec.Name + ".model");
                return TriageModel.Load(model);
            }), ModelCard.Load(card));
        }).ToList();

    private static Stream Open(string name) =>
        typeof(EmbeddedModel).Assembly.GetManifestResourceStream(Prefix + name)
        ?? throw new FileNotFoundException($"The triage model file '{name}' is missing from the build: run tools/TriageTrainer.");
}
