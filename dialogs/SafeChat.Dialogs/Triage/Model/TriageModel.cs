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

    // The features' hashes in ascending order; a feature's row is its place here. A dictionary from hash to row held
    // five times the memory (about 20 bytes a feature against 4) for the two models' 537,507 features (README, Load
    // benchmark); a binary search over a few hundred features per message costs microseconds.
    private readonly uint[] _hashes;

    // Only the weights that are not zero are kept (L1 training leaves about 70 % of them exactly zero): a row's mask says
    // which signals have one, and they lie in _nonZero from _start[row] on, in signal order. Adding a zero changes no sum,
    // so the probabilities are the same to the bit as from the full table, in half its memory (about 17 bytes a feature
    // instead of 36).
    private readonly int[] _start;
    private readonly ushort[] _mask;
    private readonly float[] _nonZero;
    private readonly float[] _bias;

    public TriageModel(IReadOnlyList<string> signals, IReadOnlyDictionary<uint, float[]> weights, float[] bias)
    {
        if (signals.Count > 16) throw new ArgumentException("A row's mask holds at most 16 signals.", nameof(signals));
        if (weights.Values.Any(v => v.Length != signals.Count))
            throw new InvalidDataException("A feature's row of weights does not have one weight per signal.");
        Signals = signals;
        _bias = bias;
        _hashes = new uint[weights.Count];
        _start = new int[weights.Count];
        _mask = new ushort[weights.Count];
        _nonZero = new float[weights.Values.Sum(v => v.Count(w => w != 0f))];
        var (row, next) = (0, 0);
        foreach (var (hash, values) in weights.OrderBy(w => w.Key))
        {
            _hashes[row] = hash;
            _start[row] = next;
            for (var s = 0; s < signals.Count; s++)
            {
                if (values[s] == 0f) continue;
                _mask[row] |= (ushort)(1 << s);
                _nonZero[next++] = values[s];
            }
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
            var value = features.Values[f];
            var next = _start[row];
            for (var mask = (uint)_mask[row]; mask != 0; mask &= mask - 1)
                sums[System.Numerics.BitOperations.TrailingZeroCount(mask)] += value * _nonZero[next++];
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
            for (var s = 0; s < Signals.Count; s++) writer.Write(WeightAt(row, s));
        }
    }

    private float WeightAt(int row, int signal) =>
        (_mask[row] & (1 << signal)) == 0 ? 0f
            : _nonZero[_start[row] + System.Numerics.BitOperations.PopCount(_mask[row] & ((1u << signal) - 1))];

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
