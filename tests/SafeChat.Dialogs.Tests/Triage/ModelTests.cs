using System.Security.Cryptography;
using SafeChat.Dialogs.Triage;
using SafeChat.Dialogs.Triage.Corpus;
using SafeChat.Dialogs.Triage.Model;

namespace SafeChat.Dialogs.Tests.Triage;

/// <summary>Every committed model (Triage/Model/models.json) belongs to the committed corpus and to the features this
/// build computes.</summary>
public class ModelTests
{
    private static readonly string ModelFolder = Path.Combine(RepositoryPaths.Root, "dialogs", "SafeChat.Dialogs", "Triage", "Model");

    private static IReadOnlyList<ModelSpec> Specs => ModelSpec.Load(File.OpenRead(Path.Combine(ModelFolder, "models.json")));

    public static TheoryData<string> Models => new(Specs.Select(s => s.Name));

    private static ModelCard Card(string name) => ModelCard.Load(File.OpenRead(Path.Combine(ModelFolder, name + ".model.json")));

    [Theory]
    [MemberData(nameof(Models))]
    public void The_model_was_trained_from_the_committed_corpus(string name)
    {
        var card = Card(name);
        var spec = Specs.Single(s => s.Name == name);
        var corpus = TriageCorpus.Load(RepositoryPaths.Languages);

        Assert.True(card.CorpusSha256 == corpus.Sha256,
            "The corpus changed since the model was trained: run `dotnet run --project tools/TriageTrainer` and commit the models.");
        Assert.Equal(spec.Languages, card.Languages);
        Assert.Equal(corpus.Train.Count(l => spec.Languages.Contains(l.Language)), card.TrainLines);
        Assert.Equal(corpus.Test.Count(l => spec.Languages.Contains(l.Language)), card.TestLines);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void The_model_file_is_the_one_its_card_describes_and_the_build_ships(string name)
    {
        var path = Path.Combine(ModelFolder, name + ".model");
        var card = Card(name);

        Assert.Equal(card.ModelSha256, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))));
        Assert.True(new FileInfo(path).Length <= 20 * 1024 * 1024, "the model file is over 20 MB");
        var shippedFile = Path.Combine(ShippedModel.Folder, name + ".model");
        Assert.Equal(card.ModelSha256, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(shippedFile))));
        var shipped = ShippedModel.LoadAll(); // also fails when the features changed (NgramFeatures.Version)
        var (model, shippedCard) = shipped[Specs.Select(s => s.Name).ToList().IndexOf(name)];
        Assert.Equal(card.ModelSha256, shippedCard.ModelSha256);
        Assert.Equal(Signal.All, model.Signals);
    }

    [Fact]
    public void A_weights_file_left_out_of_a_deployment_fails_loading_at_once_not_at_the_first_message()
    {
        var folder = Directory.CreateTempSubdirectory("safechat-models-").FullName;
        try
        {
            var second = Specs[1].Name + ".model";
            File.Copy(Path.Combine(ShippedModel.Folder, Specs[0].Name + ".model"), Path.Combine(folder, Specs[0].Name + ".model"));

            var missing = Assert.Throws<FileNotFoundException>(() => ShippedModel.LoadLazily(folder));

            Assert.Equal(Path.Combine(folder, second), missing.FileName);
            Assert.Contains("Triage/Model", missing.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Saving_the_loaded_model_gives_back_every_weight_of_its_file(string name)
    {
        var path = Path.Combine(ModelFolder, name + ".model");
        using var saved = new MemoryStream();
        using (var file = File.OpenRead(path)) TriageModel.Load(file).Save(saved);

        Assert.Equal(Unzipped(File.ReadAllBytes(path)), Unzipped(saved.ToArray()));
    }

    [Fact]
    public void A_prediction_adds_each_weight_once_to_its_own_signal_zeros_left_out_or_not()
    {
        string[] signals = ["a", "b", "c", "d"];
        var weights = new Dictionary<uint, float[]>
        {
            [7] = [0f, 2f, 0f, -0.5f],
            [3] = [1f, 0f, -1f, 0f],
            [11] = [0f, 0f, 0f, 0f],
            [5] = [0.25f, 0.5f, 0.75f, 1f],
        };
        float[] bias = [0.1f, -0.2f, 0.3f, 0f];
        var features = new FeatureVector([3, 5, 7, 11, 13], [0.5f, 2f, -1f, 3f, 4f], new byte[5]);

        var expected = new float[signals.Length];
        for (var s = 0; s < signals.Length; s++)
        {
            var sum = bias[s];
            for (var f = 0; f < features.Hashes.Length; f++)
                if (weights.TryGetValue(features.Hashes[f], out var row)) sum += features.Values[f] * row[s];
            expected[s] = 1f / (1f + MathF.Exp(-sum));
        }

        Assert.Equal(expected, new TriageModel(signals, weights, bias).Predict(features));
    }

    [Fact]
    public void The_sixteenth_signal_is_read_and_a_seventeenth_refused()
    {
        var sixteen = Enumerable.Range(0, 16).Select(i => $"s{i}").ToArray();
        var row = new float[16];
        row[15] = 3f;
        var model = new TriageModel(sixteen, new Dictionary<uint, float[]> { [1] = row }, new float[16]);

        var probabilities = model.Predict(new FeatureVector([1], [1f], new byte[1]));

        Assert.Equal(1f / (1f + MathF.Exp(-3f)), probabilities[15]);
        Assert.All(probabilities[..15], p => Assert.Equal(0.5f, p));
        Assert.Throws<ArgumentException>(() => new TriageModel([.. sixteen, "s16"], new Dictionary<uint, float[]>(), new float[17]));
        Assert.Throws<InvalidDataException>(() => new TriageModel(sixteen, new Dictionary<uint, float[]> { [1] = new float[15] }, new float[16]));
    }

    private static byte[] Unzipped(byte[] gzip)
    {
        using var unzip = new System.IO.Compression.GZipStream(new MemoryStream(gzip), System.IO.Compression.CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        unzip.CopyTo(bytes);
        return bytes.ToArray();
    }

    [Fact]
    public void Every_language_module_is_read_by_a_model()
    {
        var modules = Directory.GetDirectories(RepositoryPaths.Languages).Select(Path.GetFileName)
            .Where(code => File.Exists(Path.Combine(RepositoryPaths.Languages, code!, "understanding.json")));
        var read = Specs.SelectMany(s => s.Languages).ToHashSet();
        Assert.All(modules, code => Assert.Contains(code!, read));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Every_signal_has_a_threshold_and_the_interrupting_ones_two(string name)
    {
        var card = Card(name);

        Assert.Equal(Signal.All.Order(), card.Thresholds.Keys.Order());
        foreach (var t in new[] { Signal.Emergency, Signal.SelfHarm }.SelectMany(s =>
                     (card.LanguageThresholds ?? []).Values.Select(l => l[s]).Append(card.Thresholds[s])))
        {
            Assert.NotNull(t.Act);
            Assert.InRange(t.On, 0.0001, t.Act!.Value);
        }
    }
}
