using System.Collections.Concurrent;
using SafeChat.Bot.Storage;

namespace SafeChat.Bot.Conversations;

/// <summary>
/// The end of the log of active conversations, as this instance just wrote it, so the streams and polls a write wakes
/// read it from memory instead of asking the database again. Only a run of entries known to be contiguous is kept, and
/// only as long as no other writer may have added to it unseen: a change this instance did not record here (another
/// writer, another instance through the cluster bus, a lost bus connection) drops it, and so does age. Anything it
/// cannot answer, the log answers.
/// </summary>
public sealed class RecentActivities : IDisposable
{
    /// <summary>Long enough for the streams and polls a write wakes; as short as the poll cache's, so a signal lost
    /// between instances leaves a reader behind no longer than before.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(2);
    private const int MaxRows = 16;
    private const int MaxConversations = 20_000;

    private readonly ConcurrentDictionary<string, Tail> _tails = new();
    private readonly ConcurrentDictionary<string, long> _generations = new();
    private readonly ConcurrentDictionary<string, int> _writing = new(); // writes begun and not yet ended, per conversation
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _writesEnded = new(); // only while a reader waits
    private long _epoch; // every conversation's generation at once (the cluster bus was away)
    private readonly TimeProvider _clock;
    private readonly ITimer _sweeper;

    private sealed record Row(long Seq, string Json, bool Visible);

    private sealed class Tail
    {
        public readonly List<Row> Rows = [];
        public long WrittenAt;
    }

    public RecentActivities(ActivitySignals signals, TimeProvider clock)
    {
        _clock = clock;
        signals.ChangedUnrecorded += Forget;
        signals.ChangedAll += ForgetAll;
        // On a clock, not on writes: the tails of conversations gone quiet (people reading) leave memory too. Without the
        // context of whichever request first needed this, so the timer keeps none of it alive.
        using (ExecutionContext.SuppressFlow()) _sweeper = clock.CreateTimer(_ => Sweep(), null, MaxAge, MaxAge);
    }

    /// <summary>Conversations whose tail memory holds (for tests and diagnostics).</summary>
    public int Held => _tails.Count;

    public void Dispose() => _sweeper.Dispose();

    /// <summary>
    /// Before a write to the conversation's log; dispose it after recording what was written (or after a write that did
    /// not record: then the tail is dropped, so an erasure or another unrecorded change is never answered from it). Until
    /// then the conversation's reads go to the log: rows are committed before they are recorded, and a reader who has
    /// seen them (in the log, or on another path) must not be answered from a tail that does not have them yet. Writers
    /// that do not begin a write here (a team member's message) leave that gap open only until their notification.
    /// </summary>
    public Write BeginWrite(string conversationId)
    {
        _writing.AddOrUpdate(conversationId, 1, (_, n) => n + 1);
        return new Write(this, conversationId, Stamp(conversationId));
    }

    public sealed class Write : IDisposable
    {
        private readonly RecentActivities _owner;
        private readonly string _conversationId;
        private int _ended;

        internal Write(RecentActivities owner, string conversationId, Mark stamp) => (_owner, _conversationId, Stamp) = (owner, conversationId, stamp);

        internal Mark Stamp { get; }
        internal bool Recorded { get; set; }

        /// <summary>The write changed nothing (its guard did not hold): what memory holds stays true.</summary>
        public void WroteNothing() => Recorded = true;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) != 0) return;
            if (!Recorded) _owner.Forget(_conversationId);
            _owner.EndWrite(_conversationId);
        }
    }

    private void EndWrite(string conversationId)
    {
        while (_writing.TryGetValue(conversationId, out var count))
        {
            if (count == 1 ? _writing.TryRemove(new KeyValuePair<string, int>(conversationId, 1)) : _writing.TryUpdate(conversationId, count - 1, count))
            {
                if (count == 1) ReleaseReaders(conversationId);
                return;
            }
        }
    }

    /// <summary>
    /// Done when no write to the conversation's log is under way (at once when none is). A stream woken by a message often
    /// reads while the turn it queued is committing: waiting for that commit lets memory answer for both, where reading now
    /// would ask the database for the message and then again for the reply.
    /// </summary>
    public Task WritesEnded(string conversationId)
    {
        if (!_writing.ContainsKey(conversationId)) return Task.CompletedTask;
        var ended = _writesEnded.GetOrAdd(conversationId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        // The last write may have ended between the two looks, before anyone could complete this.
        if (!_writing.ContainsKey(conversationId)) ReleaseReaders(conversationId);
        return ended.Task;
    }

    private void ReleaseReaders(string conversationId)
    {
        if (_writesEnded.TryRemove(conversationId, out var ended)) ended.TrySetResult();
    }

    /// <summary>So an unrecorded change during a write is not missed.</summary>
    private Mark Stamp(string conversationId) => new(Interlocked.Read(ref _epoch), _generations.GetValueOrDefault(conversationId));

    internal readonly record struct Mark(long Epoch, long Generation);

    /// <summary>After the commit of rows this instance numbered against a guarded end of the log; nothing is kept if
    /// another writer changed the log since <paramref name="write"/> began (its rows could follow these, unseen).</summary>
    public void Record(string conversationId, IReadOnlyList<ActivityRecord> rows, Write write)
    {
        write.Recorded = true;
        if (rows.Count == 0) return;
        var stamp = write.Stamp;
        if (_tails.Count >= MaxConversations) _tails.Clear(); // only costs reads
        var tail = _tails.GetOrAdd(conversationId, _ => new Tail());
        lock (tail)
        {
            if (stamp != Stamp(conversationId))
            {
                tail.Rows.Clear();
                return;
            }
            // Rows older than the run's end come from a writer that was overtaken (its later rows are there already).
            if (tail.Rows.Count > 0 && rows[0].Seq <= tail.Rows[^1].Seq) return;
            // A gap (someone else wrote in between) starts the run afresh at these rows.
            if (tail.Rows.Count > 0 && tail.Rows[^1].Seq != rows[0].Seq - 1) tail.Rows.Clear();
            tail.Rows.AddRange(rows.Select(r => new Row(r.Seq, r.Json, r.VisibleToClient)));
            if (tail.Rows.Count > MaxRows) tail.Rows.RemoveRange(0, tail.Rows.Count - MaxRows);
            tail.WrittenAt = _clock.GetTimestamp();
        }
    }

    /// <summary>A stored entry's JSON changed (a turn scrubbed the message it read).</summary>
    public void Rewrite(string conversationId, long seq, string json)
    {
        if (!_tails.TryGetValue(conversationId, out var tail)) return;
        lock (tail)
        {
            var index = tail.Rows.FindIndex(r => r.Seq == seq);
            if (index >= 0) tail.Rows[index] = tail.Rows[index] with { Json = json };
        }
    }

    /// <summary>The log changed in a way this instance did not record.</summary>
    public void Forget(string conversationId)
    {
        _generations.AddOrUpdate(conversationId, 1, (_, g) => g + 1);
        if (_tails.TryGetValue(conversationId, out var tail))
            lock (tail) tail.Rows.Clear();
        if (_generations.Count > MaxConversations) ForgetAll();
    }

    private void ForgetAll()
    {
        Interlocked.Increment(ref _epoch);
        _generations.Clear();
        foreach (var tail in _tails.Values)
            lock (tail) tail.Rows.Clear();
        _tails.Clear();
    }

    /// <summary>Tails past their age answer nothing: out of memory with them, transcript and all.</summary>
    private void Sweep()
    {
        foreach (var (id, tail) in _tails)
        {
            bool old;
            lock (tail) old = _clock.GetElapsedTime(tail.WrittenAt) >= MaxAge;
            if (old) _tails.TryRemove(new KeyValuePair<string, Tail>(id, tail));
        }
    }

    /// <summary>The page after <paramref name="afterSeq"/>, or null when memory does not hold all of it.</summary>
    public ActivityPage? TryRead(string conversationId, long afterSeq, int limit)
    {
        if (!_tails.TryGetValue(conversationId, out var tail)) return null;
        lock (tail)
        {
            if (_writing.ContainsKey(conversationId)) return null;
            if (tail.Rows.Count == 0 || _clock.GetElapsedTime(tail.WrittenAt) >= MaxAge) return null;
            if (afterSeq < tail.Rows[0].Seq - 1 || afterSeq > tail.Rows[^1].Seq) return null;
            var page = tail.Rows.Where(r => r.Seq > afterSeq && r.Visible).Take(limit).ToList();
            return new ActivityPage(page.Select(r => r.Json).ToList(), page.Count > 0 ? page[^1].Seq : afterSeq);
        }
    }
}
