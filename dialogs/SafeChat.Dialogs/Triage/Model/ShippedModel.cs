namespace SafeChat.Dialogs.Triage.Model;

/// <summary>The committed models and their cards, shipped with the build (Triage/Model/&lt;name&gt;.model[.json]), in the
/// order of Triage/Model/models.json.</summary>
/// <remarks>The cards are built into the assembly; the weights are files beside it (Triage/Model/&lt;name&gt;.model in the
/// output folder). Read once through a file they leave nothing resident, where 8.5 MB of weights inside the assembly stayed
/// in the process's memory as pages of its mapped image for as long as it ran.</remarks>
public static class ShippedModel
{
    private const string Prefix = "SafeChat.Triage.";

    /// <summary>The folder the build copies the weights to, beside this assembly.</summary>
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "Triage", "Model");

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
        ModelSpec.Load(OpenCard("models.json")).Select(spec =>
        {
            using var card = OpenCard(spec.Name + ".model.json");
            return (new Lazy<TriageModel>(() =>
            {
                using var weights = OpenWeights(spec.Name + ".model");
                return TriageModel.Load(weights);
            }), ModelCard.Load(card));
        }).ToList();

    private static Stream OpenCard(string name) =>
        typeof(ShippedModel).Assembly.GetManifestResourceStream(Prefix + name) ?? throw Missing(name);

    private static FileStream OpenWeights(string name)
    {
        var path = Path.Combine(Folder, name);
        return File.Exists(path) ? File.OpenRead(path) : throw Missing(path);
    }

    private static FileNotFoundException Missing(string name) =>
        new($"The triage model file '{name}' is missing from the build: run tools/TriageTrainer.");
}
