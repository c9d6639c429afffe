using System.Security.Cryptography;
using SafeChat.Dialogs.Triage;
using SafeChat.Dialogs.Triage.Corpus;
using SafeChat.Dialogs.Triage.Model;

namespace SafeChat.Dialogs.Tests.Triage;

/// <summary>The committed model belongs to the committed corpus and to the features this build computes.</summary>
public class ModelTests
{
    private static readonly string ModelFolder = Path.Combine(RepositoryPaths.Root, "dialogs", "SafeChat.Dialogs", "Triage", "Model");

    [Fact]
    public void The_model_was_trained_from_the_committed_corpus()
    {
        var card = ModelCard.Load(File.OpenRead(Path.Combine(ModelFolder, "triage.model.json")));
        var corpus = TriageCorpus.Load(RepositoryPaths.Languages);

        Assert.True(card.CorpusSha256 == corpus.Sha256,
            "The corpus changed since the model was trained: run `dotnet run --project tools/TriageTrainer` and commit the model.");
        Assert.Equal(corpus.Train.Count(), card.TrainLines);
        Assert.Equal(corpus.Test.Count(), card.TestLines);
    }

    [Fact]
    public void The_model_file_is_the_one_its_card_describes_and_the_build_embeds()
    {
        var path = Path.Combine(ModelFolder, "triage.model");
        var card = ModelCard.Load(File.OpenRead(Path.Combine(ModelFolder, "triage.model.json")));

        Assert.Equal(card.ModelSha256, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))));
        Assert.True(new FileInfo(path).Length <= 20 * 1024 * 1024, "the model file is over 20 MB");
        var (embedded, embeddedCard) = EmbeddedModel.Load(); // also fails when the features changed (NgramFeatures.Version)
        Assert.Equal(card.ModelSha256, embeddedCard.ModelSha256);
        Assert.Equal(Signal.All, embedded.Signals);
    }

    [Fact]
    public void Every_signal_has_a_threshold_and_the_interrupting_ones_two()
    {
        var card = EmbeddedModel.Load().Card;

        Assert.Equal(Signal.All.Order(), card.Thresholds.Keys.Order());
        foreach (var signal in new[] { Signal.Emergency, Signal.SelfHarm })
        {
            var t = card.Thresholds[signal];
            Assert.NotNull(t.Act);
            Assert.InRange(t.On, 0.0001, t.Act!.Value);
        }
    }
}
