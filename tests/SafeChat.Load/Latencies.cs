using System.Collections.Concurrent;
using System.Diagnostics;

namespace SafeChat.Load;

/// <summary>Latency samples per kind (e.g. "webchat turn", "sms ack"), their percentiles, and when in the run they fell.</summary>
/// <param name="window">Samples that end after it are not kept (a closed loop of fixed length); errors always count.</param>
public sealed class Latencies(TimeSpan? window = null)
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<(double At, double Ms)>> _samples = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _errors;

    public void Add(string kind, TimeSpan elapsed)
    {
        var at = _clock.Elapsed;
        if (at <= window || window is null) _samples.GetOrAdd(kind, _ => []).Add((at.TotalSeconds, elapsed.TotalMilliseconds));
    }

    public void Error() => Interlocked.Increment(ref _errors);

    public int Errors => _errors;

    public int Count(string kind) => _samples.TryGetValue(kind, out var bag) ? bag.Count : 0;

    public double Percentile(string kind, double p) =>
        _samples.TryGetValue(kind, out var bag) ? Percentile(bag.Select(s => s.Ms), p) : double.NaN;

    /// <summary>p50 / p99 of each window of the run: whether slow turns are spread out or come together (a start, a pause).</summary>
    public IEnumerable<string> Timeline(string kind, double windowSeconds) =>
        !_samples.TryGetValue(kind, out var bag) ? [] :
        bag.GroupBy(s => (int)(s.At / windowSeconds)).OrderBy(g => g.Key).Select(g =>
            $"{g.Key * windowSeconds,5:F0}–{(g.Key + 1) * windowSeconds:F0} s: {g.Count(),5} × {kind}, p50 {Percentile(g.Select(s => s.Ms), 50):F1} ms, p99 {Percentile(g.Select(s => s.Ms), 99):F1} ms, max {g.Max(s => s.Ms):F0} ms");

    private static double Percentile(IEnumerable<double> samples, double p)
    {
        var sorted = samples.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
    }
}
