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
public sealed class KnownConversations
{
    private const int MaxEntries = 100_000;
    private readonly ConcurrentDictionary<string, Known> _known = new();

    /// <summary>Where the log ends and, when known, what a turn would read.</summary>
    public sealed record Known(ActivityLog.Counters End, TurnView? View);

    public bool TryGet(string conversationId, out Known known) => _known.TryGetValue(conversationId, out known!);

    /// <summary>After a commit or a read: kept unless this instance already knows of a later end.</summary>
    public void Remember(string conversationId, Known known)
    {
        if (_known.Count >= MaxEntries) _known.Clear(); // only costs reads; the database decides again
        _known.AddOrUpdate(conversationId, known, (_, old) => known.End.LastSeq >= old.End.LastSeq ? known : old);
    }

    public void Forget(string conversationId) => _known.TryRemove(conversationId, out _);
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

    /// <summary>After a turn answered the oldest pending message and left this state.</summary>
    public TurnView Answered(string newState) =>
        this with { StateJson = newState, StateVersion = StateVersion + 1, LastProcessedSeq = Pending[0].Seq, Pending = [.. Pending.Skip(1)] };
}
