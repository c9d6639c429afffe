using System.Collections.Concurrent;
using SafeChat.Bot.Storage;

namespace SafeChat.Bot.Conversations;

/// <summary>
/// What this instance knows of its active conversations from its own reads and guarded writes: where each log ends, so
/// a post stores its message in one round trip, and, when it knows all of it, what the next turn would read (the state
/// and the messages waiting), so the turn needs no read at all. Only a hint: every write that relies on it is guarded in
/// the database by the log's end and the state version, which change with everything recorded here. A guard that fails
/// (another instance or another writer moved on) makes the writer forget it and ask the database.
/// </summary>
public sealed class KnownConversations : IDisposable
{
    private const int MaxEntries = 100_000;

    /// <summary>A conversation quiet this long is forgotten (within a minute after, when nobody asks for it): its state
    /// (which may hold a call-back number being typed) lives on in memory no longer than a chat in progress needs it.</summary>
    public static readonly TimeSpan IdleAfter = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    /// <summary>Conversations memory holds (for tests and diagnostics).</summary>
    public int Held => _known.Count;

    public void Dispose() => _sweeper.Dispose();

    private readonly ConcurrentDictionary<string, Entry> _known = new();
    private readonly TimeProvider _clock;
    private readonly ITimer _sweeper;

    private sealed record Entry(Known Known, long At);

    /// <param name="signals">A change this instance did not make (another instance wrote, an erasure, a lost cluster bus)
    /// makes it forget, so no state outlives the database's copy.</param>
    public KnownConversations(ActivitySignals? signals = null, TimeProvider? clock = null)
    {
        _clock = clock ?? TimeProvider.System;
        // On a clock, not on writes: on an instance that has gone quiet, what it knew still leaves memory. Without the
        // context of whichever request first needed this, so the timer keeps none of it alive.
        using (ExecutionContext.SuppressFlow()) _sweeper = _clock.CreateTimer(_ => Sweep(), null, SweepInterval, SweepInterval);
        if (signals is null) return;
        signals.ChangedUnrecorded += Forget;
        signals.ChangedAll += _known.Clear;
    }

    /// <summary>Where the log ends and, when known, what a turn would read.</summary>
    public sealed record Known(ActivityLog.Counters End, TurnView? View);

    public bool TryGet(string conversationId, out Known known)
    {
        known = null!;
        if (!_known.TryGetValue(conversationId, out var entry)) return false;
        if (_clock.GetElapsedTime(entry.At) >= IdleAfter)
        {
            _known.TryRemove(new KeyValuePair<string, Entry>(conversationId, entry));
            return false;
        }
        known = entry.Known;
        return true;
    }

    /// <summary>
    /// After a write guarded by <paramref name="used"/> found the log moved on: what this instance noted since, when its own
    /// writes moved it (a turn and the person's next message of one conversation, committing side by side). Going again from
    /// there costs one command; forgetting costs the read, the slow path and the next turn's read.
    /// </summary>
    public bool TryGetLater(string conversationId, ActivityLog.Counters used, out Known later) =>
        TryGet(conversationId, out later) && later.End.LastSeq > used.LastSeq;

    /// <summary>How often a write goes again from what memory noted later, before it asks the database. Each try follows a
    /// commit of this instance, so all of them make progress; a turn meets every message sent while it commits (three
    /// tries were too few for four messages sent at once: a third of those turns then read the database).</summary>
    public const int MostAttempts = 8;

    /// <summary>After a commit or a read: kept unless this instance already knows of a later end.</summary>
    public void Remember(string conversationId, Known known)
    {
        if (_known.Count >= MaxEntries) _known.Clear(); // only costs reads; the database decides again
        var entry = new Entry(known, _clock.GetTimestamp());
        _known.AddOrUpdate(conversationId, entry, (_, old) => known.End.LastSeq >= old.Known.End.LastSeq ? entry : old);
    }

    public void Forget(string conversationId) => _known.TryRemove(conversationId, out _);

    /// <summary>Conversations gone quiet leave memory even if nobody asks for them again.</summary>
    private void Sweep()
    {
        foreach (var (id, entry) in _known)
            if (_clock.GetElapsedTime(entry.At) >= IdleAfter) _known.TryRemove(new KeyValuePair<string, Entry>(id, entry));
    }
}

/// <summary>
/// Everything a turn reads of a conversation: its row and every inbound activity after the processed mark (all of them,
/// oldest first: <see cref="Pending"/> ends at <see cref="LastInboundSeq"/>).
/// </summary>
public sealed record TurnView(string Id, string Channel, string StateJson, int StateVersion, long LastInboundSeq, long LastProcessedSeq,
    DateTime? LastUserMessageAt, bool OptedOut, IReadOnlyList<ActivityRecord> Pending)
{
    public static TurnView Of(ConversationRecord row, IReadOnlyList<ActivityRecord> pending) => new(row.Id, row.Channel, row.StateJson,
        row.StateVersion, row.LastInboundSeq, row.LastProcessedSeq, row.LastUserMessageAt, row.OptedOut, pending);

    /// <summary>After a message from the person was stored.</summary>
    public TurnView With(ActivityRecord inbound) => this with { LastInboundSeq = inbound.Seq, Pending = [.. Pending, inbound] };

    /// <summary>After a message from a text channel was stored: it also moved when the person last wrote, and may be a STOP or START.</summary>
    public TurnView Arrived(ActivityRecord inbound, DateTime at, bool? optOut) =>
        With(inbound) with { LastUserMessageAt = at, OptedOut = optOut ?? OptedOut };

    /// <summary>After a turn answered the oldest pending message and left this state.</summary>
    public TurnView Answered(string newState) =>
        this with { StateJson = newState, StateVersion = StateVersion + 1, LastProcessedSeq = Pending[0].Seq, Pending = [.. Pending.Skip(1)] };
}
