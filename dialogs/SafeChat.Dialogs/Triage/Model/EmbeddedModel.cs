namespace SafeChat.Dialogs.Triage.Model;

/// <summary>The committed model and its card, built into the assembly (Triage/Model/triage.model[.json]).</summary>
public static class EmbeddedModel
{
    private const string ModelResource = "SafeChat.Triage.triage.model";
    private const string CardResource = "SafeChat.Triage.triage.model.json";

    public static (TriageModel Model, ModelCard Card) Load()
    {
        using var model = Open(ModelResource);
        using var card = Open(CardResource);
        return (TriageModel.Load(model), ModelCard.Load(card));
    }

    private static Stream Open(string name) =>
        typeof(EmbeddedModel).Assembly.GetManifestResourceStream(name)
        ?? throw new FileNotFoundException($"The triage model '{name}' is missing from the build: run tools/TriageTrainer.");
}
