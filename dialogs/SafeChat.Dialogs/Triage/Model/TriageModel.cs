using System.IO.Compression;

namespace SafeChat.Dialogs.Triage.Model;

/// <summary>
/// The trained triage model: one logistic regression per signal over <see cref="NgramFeatures"/>, trained by
/// tools/TriageTrainer with ML.NET and stored as its learned weights. Predicting is a sum of a few hundred weights
/// per signal, so it needs no ML runtime and takes microseconds. Thread-safe: nothing changes after loading.
/// </summary>
public sealed class TriageModel
{
    private const int Magic = 0x4D544353; // "SCTM"
    private const int Version = 1;

    private readonly Dictionary<uint, int> _rows;
    private readonly float[] _weights;
    private readonly float[] _bias;

    public TriageModel(IReadOnlyList<string> signals, IReadOnlyDictionary<uint, float[]> weights, float[] bias)
    {
        Signals = signals;
        _bias = bias;
        _rows = new Dictionary<uint, int>(weights.Count);
        _weights = new float[weights.Count * signals.Count];
        var row = 0;
        foreach (var (hash, values) in weights.OrderBy(w => w.Key))
        {
            _rows[hash] = row;
            values.CopyTo(_weights, row * signals.Count);
            row++;
        }
    }

    public IReadOnlyList<string> Signals { get; }
    public int FeatureCount => _rows.Count;

    /// <summary>One probability per signal, in the order of <see cref="Signals"/>.</summary>
    public float[] Predict(string text) => Predict(NgramFeatures.Of(text));

    public float[] Predict(FeatureVector features)
    {
        var n = Signals.Count;
        var sums = (float[])_bias.Clone();
        for (var f = 0; f < features.Hashes.Length; f++)
        {
            if (!_rows.TryGetValue(features.Hashes[f], out var row)) continue;
            var offset = row * n;
            var value = features.Values[f];
            for (var s = 0; s < n; s++) sums[s] += value * _weights[offset + s];
        }
        for (var s = 0; s < n; s++) sums[s] = 1f / (1f + MathF.Exp(-sums[s]));
        return sums;
    }

    public void Save(Stream stream)
    {
        using var zip = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(zip);
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(NgramFeatures.HashBits);
        writer.Write(NgramFeatures.Version);
        writer.Write(Signals.Count);
        foreach (var signal in Signals) writer.Write(signal);
        foreach (var b in _bias) writer.Write(b);
        writer.Write(_rows.Count);
        foreach (var (hash, row) in _rows.OrderBy(r => r.Value))
        {
            writer.Write(hash);
            for (var s = 0; s < Signals.Count; s++) writer.Write(_weights[row * Signals.Count + s]);
        }
    }

    public static TriageModel Load(Stream stream)
    {
        using var zip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new BinaryReader(new BufferedStream(zip, 1 << 16));
        if (reader.ReadInt32() != Magic || reader.ReadInt32() != Version)
            throw new InvalidDataException("Not a SafeChat triage model, or one of another version.");
        if (reader.ReadInt32() != NgramFeatures.HashBits || reader.ReadInt32() != NgramFeatures.Version)
            throw new InvalidDataException("The model was trained with other features than this build computes: retrain it.");
        var signals = Enumerable.Range(0, reader.ReadInt32()).Select(_ => reader.ReadString()).ToArray();
        var bias = signals.Select(_ => reader.ReadSingle()).ToArray();
        var count = reader.ReadInt32();
        var weights = new Dictionary<uint, float[]>(count);
        for (var i = 0; i < count; i++)
        {
            var hash = reader.ReadUInt32();
            weights[hash] = signals.Select(_ => reader.ReadSingle()).ToArray();
        }
        return new TriageModel(signals, weights, bias);
    }
}
