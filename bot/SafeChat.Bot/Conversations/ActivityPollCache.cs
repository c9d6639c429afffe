using System.Collections.Concurrent;

namespace SafeChat.Bot.Conversations;

/// <summary>
/// Lets a polling client (DirectLineJS asks every second or so) be told "nothing new" from memory: after a read of a
/// conversation's log this instance remembers its last watermark until the log grows (<see cref="ActivitySignals"/> tells
/// it, for appends here and, through the cluster bus, elsewhere) or <see cref="MaxAge"/> passes. The log stays the source
/// of truth: an answer from memory is at most <see cref="MaxAge"/> old even if a signal was lost.
/// </summary>
public sealed class ActivityPollCache
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(2);
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new();
    private readonly ConcurrentDictionary<string, long> _generations = new();
    private readonly TimeProvider _clock;

    private sealed record Entry(long Watermark, long Generation, long ReadAt);

    public ActivityPollCache(ActivitySignals signals, TimeProvider clock)
    {
        _clock = clock;
        signals.Changed += Forget;
        signals.ChangedAll += ForgetAll;
    }

    /// <summary>Before reading the log: the stamp <see cref="Remember"/> needs, so a change during the read is not missed.</summary>
    public long Stamp(string conversationId) => _generations.GetValueOrDefault(conversationId);

    /// <summary>True when this instance knows there is nothing after <paramref name="after"/>.</summary>
    public bool NothingAfter(string conversationId, long after) =>
        _entries.TryGetValue(conversationId, out var entry)
        && entry.Generation == _generations.GetValueOrDefault(conversationId)
        && after >= entry.Watermark
        && _clock.GetElapsedTime(entry.ReadAt) < MaxAge;

    /// <summary>After reading the log: its watermark, unless the log grew since <paramref name="stamp"/> was taken.</summary>
    public void Remember(string conversationId, long watermark, long stamp)
    {
        if (stamp != _generations.GetValueOrDefault(conversationId)) return;
        if (_entries.Count >= MaxEntries) _entries.Clear(); // only costs reads; the log decides again
        _entries[conversationId] = new Entry(watermark, stamp, _clock.GetTimestamp());
    }

    private void Forget(string conversationId)
    {
        _generations.AddOrUpdate(conversationId, 1, (_, g) => g + 1);
        _entries.TryRemove(conversationId, out _);
        if (_generations.Count > MaxEntries) ForgetAll();
    }

    private void ForgetAll()
    {
        foreach (var id in _generations.Keys) _generations.AddOrUpdate(id, 1, (_, g) => g + 1);
        _entries.Clear();
    }
}
