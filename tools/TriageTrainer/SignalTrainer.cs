using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using SafeChat.Dialogs.Triage;
using SafeChat.Dialogs.Triage.Model;

namespace SafeChat.TriageTrainer;

/// <summary>
/// One L1/L2-regularised logistic regression per signal (ML.NET's L-BFGS trainer, one thread, fixed seed: the same
/// corpus gives the same weights), over the features of <see cref="NgramFeatures"/> seen in the training sentences,
/// each feature scaled per signal by how much more often it occurs with the signal than without (naive Bayes log-count
/// ratio, as in NBSVM). The scale folds into the stored weights: prediction is unchanged. On held-out folds this took
/// false alarms at recall 0.98 from 19.5 % to 12 % for self-harm and 17.9 % to 14.3 % for emergency (with word triples).
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
            var positive = labels.Select(l => l.Contains(signals[s])).ToList();
            var scale = signals[s] == Signal.Emergency ? Unscaled(index.Columns.Count) : LogCountRatios(buffers, positive, index.Columns.Count);
            var (w, b) = TrainOne(buffers.Select(v => Scaled(v, scale)).ToList(), positive, index.Columns.Count);
            bias[s] = b;
            foreach (var (hash, column) in index.Columns)
            {
                if (w[column] == 0) continue;
                if (!weights.TryGetValue(hash, out var row)) weights[hash] = row = new float[signals.Count];
                row[s] = w[column] * scale[column];
            }
        }
        return new TriageModel(signals, weights, bias);
    }

    /// <summary>
    /// Danger now is not scaled: on the blind batches the scaled regression missed emergencies the plain one caught ("the
    /// man who shouted at me earlier is now waiting at the bus stop"), for two points fewer false alarms.
    /// </summary>
    private static float[] Unscaled(int columns) => Enumerable.Repeat(1f, columns).ToArray();

    /// <summary>Smoothing of the feature counts (naive Bayes' alpha), and the least scale a feature keeps.</summary>
    private const double Alpha = 0.1;
    private const float LeastScale = 0.05f;

    /// <summary>|log(p(f|signal) / p(f|not signal))| per feature, from presence counts: the regression learns the sign.</summary>
    private static float[] LogCountRatios(IReadOnlyList<VBuffer<float>> buffers, IReadOnlyList<bool> positive, int columns)
    {
        var (withSignal, without) = (new double[columns], new double[columns]);
        for (var i = 0; i < buffers.Count; i++)
            foreach (var column in buffers[i].GetIndices())
                (positive[i] ? withSignal : without)[column] += 1;
        double withTotal = withSignal.Sum() + Alpha * columns, withoutTotal = without.Sum() + Alpha * columns;
        var scale = new float[columns];
        for (var j = 0; j < columns; j++)
            scale[j] = Math.Max(LeastScale, (float)Math.Abs(Math.Log((withSignal[j] + Alpha) / withTotal) - Math.Log((without[j] + Alpha) / withoutTotal)));
        return scale;
    }

    private static VBuffer<float> Scaled(VBuffer<float> vector, float[] scale)
    {
        var indices = vector.GetIndices().ToArray();
        var values = vector.GetValues().ToArray();
        for (var k = 0; k < values.Length; k++) values[k] *= scale[indices[k]];
        return new VBuffer<float>(vector.Length, indices.Length, values, indices);
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
