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
    /// <remarks>Every weights file must be there already: one left out of a deployment fails start-up, not the first
    /// message in its languages.</remarks>
    public static IReadOnlyList<(Lazy<TriageModel> Model, ModelCard Card)> LoadLazily() => LoadLazily(Folder);

    /// <param name="folder">Where the weights files are (<see cref="Folder"/> but in tests).</param>
    public static IReadOnlyList<(Lazy<TriageModel> Model, ModelCard Card)> LoadLazily(string folder) =>
        ModelSpec.Load(OpenCard("models.json")).Select(spec =>
        {
            using var card = OpenCard(spec.Name + ".model.json");
            var weights = WeightsFile(folder, spec.Name);
            return (new Lazy<TriageModel>(() =>
            {
                using var file = File.OpenRead(weights);
                return TriageModel.Load(file);
            }), ModelCard.Load(card));
        }).ToList();

    private static Stream OpenCard(string file) =>
        typeof(ShippedModel).Assembly.GetManifestResourceStream(Prefix + file)
        ?? throw new FileNotFoundException($"The triage model card '{file}' is missing from the build: run tools/TriageTrainer.");

    private static string WeightsFile(string folder, string model)
    {
        var path = Path.Combine(folder, model + ".model");
        return File.Exists(path) ? path
            : throw new FileNotFoundException($"The triage model's weights '{path}' are missing: deploy the whole output folder "
                + "(Triage/Model with it), or run tools/TriageTrainer if the model was never trained.", path);
    }
}
