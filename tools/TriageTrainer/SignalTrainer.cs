using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using SafeChat.Dialogs.Triage.Model;

namespace SafeChat.TriageTrainer;

/// <summary>
/// One L1/L2-regularised logistic regression per signal (ML.NET's L-BFGS trainer, one thread, fixed seed: the same
/// corpus gives the same weights), over the features of <see cref="NgramFeatures"/> seen in the training sentences.
/// </summary>
public sealed class SignalTrainer(int seed, float l1, float l2)
{
    private sealed class Row
    {
        public bool Label { get; set; }
        public VBuffer<float> Features { get; set; }
    }

    /// <summary>Columns for every feature hash seen in training, in hash order.</summary>
    public sealed class FeatureIndex
    {
        public FeatureIndex(IEnumerable<FeatureVector> vectors) =>
            Columns = vectors.SelectMany(v => v.Hashes).Distinct().Order().Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i);

        public IReadOnlyDictionary<uint, int> Columns { get; }

        public VBuffer<float> Buffer(FeatureVector vector)
        {
            var pairs = vector.Hashes.Select((h, i) => (h, v: vector.Values[i])).Where(x => Columns.ContainsKey(x.h))
                .Select(x => (c: Columns[x.h], x.v)).OrderBy(x => x.c).ToArray();
            return new VBuffer<float>(Columns.Count, pairs.Length, pairs.Select(x => x.v).ToArray(), pairs.Select(x => x.c).ToArray());
        }
    }

    /// <summary>Trains every signal on these sentences and returns the model (weights folded with the calibrator).</summary>
    public TriageModel Train(IReadOnlyList<string> signals, IReadOnlyList<FeatureVector> features, IReadOnlyList<IReadOnlySet<string>> labels)
    {
        var index = new FeatureIndex(features);
        var buffers = features.Select(index.Buffer).ToList();
        var weights = new Dictionary<uint, float[]>();
        var bias = new float[signals.Count];
        for (var s = 0; s < signals.Count; s++)
        {
            var (w, b) = TrainOne(buffers, labels.Select(l => l.Contains(signals[s])).ToList(), index.Columns.Count);
            bias[s] = b;
            foreach (var (hash, column) in index.Columns)
            {
                if (w[column] == 0) continue;
                if (!weights.TryGetValue(hash, out var row)) weights[hash] = row = new float[signals.Count];
                row[s] = w[column];
            }
        }
        return new TriageModel(signals, weights, bias);
    }

    private (float[] Weights, float Bias) TrainOne(IReadOnlyList<VBuffer<float>> buffers, IReadOnlyList<bool> labels, int columns)
    {
        var ml = new MLContext(seed);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, columns);
        var data = ml.Data.LoadFromEnumerable(buffers.Select((b, i) => new Row { Label = labels[i], Features = b }), schema);
        var trainer = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = nameof(Row.Label),
            FeatureColumnName = nameof(Row.Features),
            L1Regularization = l1,
            L2Regularization = l2,
            OptimizationTolerance = 1e-7f,
            HistorySize = 20,
            NumberOfThreads = 1,
        });
        var model = trainer.Fit(data).Model;
        var linear = model.SubModel;
        // Platt: p = 1 / (1 + exp(slope·score + offset)); fold it into the weights so prediction is one sigmoid.
        var slope = (float)model.Calibrator.Slope;
        var offset = (float)model.Calibrator.Offset;
        var weights = linear.Weights.Select(w => -slope * w).ToArray();
        return (weights, -(slope * linear.Bias + offset));
    }
}
