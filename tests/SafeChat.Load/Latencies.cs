using System.Collections.Concurrent;

namespace SafeChat.Load;

/// <summary>Latency samples per kind (e.g. "webchat turn", "sms ack"), and their percentiles.</summary>
public sealed class Latencies
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _samples = new();
    private int _errors;

    public void Add(string kind, TimeSpan elapsed) => _samples.GetOrAdd(kind, _ => []).Add(elapsed.TotalMilliseconds);

    public void Error() => Interlocked.Increment(ref _errors);

    public int Errors => _errors;

    public int Count(string kind) => _samples.TryGetValue(kind, out var bag) ? bag.Count : 0;

    public double Percentile(string kind, double p)
    {
        if (!_samples.TryGetValue(kind, out var bag) || bag.IsEmpty) return double.NaN;
        var sorted = bag.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
    }
}
