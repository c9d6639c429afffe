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

    // The features' hashes in ascending order; a feature's row of weights is its place here. A dictionary from hash
    // to row held five times the memory (about 20 bytes a feature against 4) for the two models' 537,507 features
    // (README, Load benchmark); a binary search over a few hundred features per message costs microseconds.
    private readonly uint[] _hashes;
    private readonly float[] _weights;
    private readonly float[] _bias;

    public TriageModel(IReadOnlyList<string> signals, IReadOnlyDictionary<uint, float[]> weights, float[] bias)
    {
        Signals = signals;
        _bias = bias;
        _hashes = new uint[weights.Count];
        _weights = new float[weights.Count * signals.Count];
        var row = 0;
        foreach (var (hash, values) in weights.OrderBy(w => w.Key))
        {
            _hashes[row] = hash;
            values.CopyTo(_weights, row * signals.Count);
            row++;
        }
    }

    public IReadOnlyList<string> Signals { get; }
    public int FeatureCount => _hashes.Length;

    /// <summary>One probability per signal, in the order of <see cref="Signals"/>.</summary>
    public float[] Predict(string text) => Predict(NgramFeatures.Of(text));

    public float[] Predict(FeatureVector features)
    {
        var n = Signals.Count;
        var sums = (float[])_bias.Clone();
        for (var f = 0; f < features.Hashes.Length; f++)
        {
            var row = Array.BinarySearch(_hashes, features.Hashes[f]);
            if (row < 0) continue;
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
        writer.Write(_hashes.Length);
        for (var row = 0; row < _hashes.Length; row++)
        {
            writer.Write(_hashes[row]);
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
