using Microsoft.EntityFrameworkCore;
using SafeChat.Bot.Storage;
using SafeChat.Dialogs.Activities;

namespace SafeChat.Bot.Conversations;

/// <summary>Creating conversations, taking in what people send, and reading the log back out.</summary>
public sealed class ConversationStore(SafeChatDbFactory databases, TimeProvider clock, ActivitySignals signals, TurnQueue turns,
    Channels.ChannelSenders senders, UrgentMessages urgent, KnownConversations? known = null, RecentActivities? recent = null,
    TurnProcessor? turnsOnArrival = null)
{
    // Optional for a store used on its own (a test playing a crashed process): it then always takes the slow path.
    private readonly KnownConversations _known = known ?? new(signals, clock);
    private readonly RecentActivities _recent = recent ?? new(signals, clock);

    /// <summary>A conversation's posts are stored one after another, in the order they came in: a message stored with its
    /// turn holds the next one back for that turn's time, not only for its write's.</summary>
    private readonly ConversationLocks _postOrder = new();

    public static readonly ChannelAccount Bot = new() { Id = "safechat", Name = "SafeChat", Role = "bot" };

    /// <summary>Creates the conversation and hands the bot a conversationUpdate, so it can greet first. False when it exists
    /// already (a client starting again with the same token).</summary>
    public async Task<bool> CreateAsync(string conversationId, string channel, string userId, string? locale, CancellationToken cancellation)
    {
        var update = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            ChannelId = channel,
            Locale = locale,
            From = new ChannelAccount { Id = userId, Role = "user" },
            Recipient = Bot,
            MembersAdded = [Bot, new ChannelAccount { Id = userId }],
        };
        // The row and its first activity in one command; a new log ends at 0. Remembered here, so the greeting's readers
        // (the first poll reads the log from its start) are answered from memory.
        using var write = _recent.BeginWrite(conversationId);
        var now = clock.GetUtcNow().UtcDateTime;
        var created = await databases.WriteAsync((db, token) => GuardedAppend.AppendAsync(db, conversationId,
            [new(update, FromUser: true, VisibleToClient: false)], now, new ActivityLog.Counters(0, now), token,
            opening: new GuardedAppend.Opening(channel, userId)), cancellation);
        if (created is null)
        {
            // Nothing was kept: it exists already, or a guard failed for another reason, which must not pass for a start.
            if (await ExistsAsync(conversationId, cancellation)) return false;
            throw new InvalidOperationException("A new conversation's row and first activity were not stored.");
        }
        _recent.Record(conversationId, created.Rows, write);
        turns.Enqueue(conversationId);
        return true;
    }

    public async Task<bool> ExistsAsync(string conversationId, CancellationToken cancellation)
    {
        await using var db = databases.Create();
        return await db.Conversations.AnyAsync(c => c.Id == conversationId, cancellation);
    }

    /// <summary>
    /// Stamps and stores what the person sent (the echo clients wait for) and queues the turn, or stores it with its turn
    /// when this instance knows all that turn would read (<see cref="TurnProcessor.AnswerOnArrivalAsync"/>). A resend of a
    /// message already stored (same client activity id: Web Chat's "retry" after a lost answer, or a failover to another
    /// instance) is not stored again; the first one's id is returned.
    /// </summary>
    public async Task<string> ReceiveAsync(string conversationId, Activity activity, CancellationToken cancellation)
    {
        var receivedAt = clock.GetTimestamp();
        activity.Recipient = Bot;
        activity.Text = WithoutNul(activity.Text);
        activity.From = new ChannelAccount { Id = activity.From?.Id ?? "user", Role = "user" };
        var clientId = ClientActivityId(activity);
        using (await _postOrder.AcquireAsync(conversationId, cancellation))
        {
            if (turnsOnArrival is not null && await turnsOnArrival.AnswerOnArrivalAsync(conversationId, activity, clientId, receivedAt, cancellation) is { } answered)
                return answered;
            if (await StoredFastAsync(conversationId, activity, clientId, cancellation)) signals.NotifyRecorded(conversationId);
            else if (await StoreAsync(conversationId, activity, clientId, cancellation) is { } earlier) return earlier;
            else signals.Notify(conversationId);
        }
        turns.Enqueue(conversationId, urgent.IsUrgent(activity.Text));
        return activity.Id!;
    }

    /// <summary>
    /// In one round trip, when this instance knows where the conversation's log ends (it usually does: it ran the last
    /// turn). False when it does not, or no longer (another writer moved the log on, or this is a resend): then nothing was
    /// stored and <see cref="StoreAsync"/> decides.
    /// </summary>
    private async Task<bool> StoredFastAsync(string conversationId, Activity activity, string? clientId, CancellationToken cancellation)
    {
        if (!_known.TryGet(conversationId, out var first)) return false; // before the write begins: a write that stores nothing clears memory's tail
        using var write = _recent.BeginWrite(conversationId);
        var appended = await GuardedByMemoryAsync(conversationId, first, known => databases.WriteAloneAsync(
            (db, token) => GuardedAppend.AppendAsync(db, conversationId, [new(activity, FromUser: true, VisibleToClient: true, clientId)],
                clock.GetUtcNow().UtcDateTime, known.End, token), cancellation,
            // Noted at the commit, before anyone hears of it: a turn of this conversation committing alongside finds it.
            committed: stored => _known.Remember(conversationId, new KnownConversations.Known(stored.End, known.View?.With(stored.Rows[0])))));
        if (appended is null) return false;
        _recent.Record(conversationId, appended.Rows, write);
        return true;
    }

    /// <summary>
    /// A write guarded by what this instance knew of the log's end, again from what it noted later when its own writes
    /// moved the log on meanwhile (the person wrote while their turn committed). Null when that did not hold: then nothing
    /// was stored and memory is forgotten.
    /// </summary>
    private async Task<T?> GuardedByMemoryAsync<T>(string conversationId, KnownConversations.Known known,
        Func<KnownConversations.Known, Task<T?>> write) where T : class
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await write(known) is { } written) return written;
            if (attempt == KnownConversations.MostAttempts || !_known.TryGetLater(conversationId, known.End, out known))
            {
                _known.Forget(conversationId);
                return null;
            }
        }
    }

    /// <summary>Stores the message whoever else writes to the log. For a resend: the id the first one was stored under.</summary>
    private async Task<string?> StoreAsync(string conversationId, Activity activity, string? clientId, CancellationToken cancellation)
    {
        using var write = _recent.BeginWrite(conversationId); // not recorded: memory's tail is dropped when it ends
        try
        {
            await using var db = databases.Create();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellation);
            await ActivityLog.AppendAsync(db, conversationId, [new(activity, FromUser: true, VisibleToClient: true, clientId)],
                clock.GetUtcNow().UtcDateTime, cancellation);
            await transaction.CommitAsync(cancellation);
            return null;
        }
        catch (DbUpdateException) when (clientId is not null && !cancellation.IsCancellationRequested)
        {
            // The unique index refused a copy (a resend, perhaps through another instance): answer with the stored one.
            if (await StoredIdAsync(conversationId, clientId, cancellation) is { } earlier) return earlier;
            throw;
        }
    }

    /// <summary>
    /// An event from SafeChat's side into the conversation's turn pipeline (a team member joined or ended a live chat):
    /// stored as inbound but not shown to the client, in the caller's transaction; queue the turn after the commit
    /// (<see cref="QueueTurn"/>). The engine answers it like any message, so the person hears it on their channel.
    /// </summary>
    public static async Task AddEventAsync(SafeChatDb db, string conversationId, string name, string value, DateTime now, CancellationToken cancellation)
    {
        var user = await db.Conversations.Where(c => c.Id == conversationId).Select(c => c.UserId).SingleAsync(cancellation);
        await ActivityLog.AppendAsync(db, conversationId,
            [new(new Activity { Type = ActivityTypes.Event, Name = name, Text = value, From = new ChannelAccount { Id = user, Role = "user" }, Recipient = Bot },
                FromUser: true, VisibleToClient: false)], now, cancellation);
    }

    public void QueueTurn(string conversationId) => turns.Enqueue(conversationId);

    private async Task<string?> StoredIdAsync(string conversationId, string clientId, CancellationToken cancellation)
    {
        await using var db = databases.Create();
        return await db.Activities.AsNoTracking()
            .Where(a => a.ConversationId == conversationId && a.ClientActivityId == clientId)
            .Select(a => a.ActivityId).FirstOrDefaultAsync(cancellation);
    }

    /// <summary>PostgreSQL refuses a NUL character in text (SQLite takes it): one pasted from a PDF would make the turn,
    /// and a report written in it, fail on every retry. It carries nothing a person meant.</summary>
    private static string? WithoutNul(string? text) => text is not null && text.Contains('\0') ? text.Replace("\0", "") : text;

    /// <summary>Web Chat's own id for a message (channelData.clientActivityID), when it sent one that fits.</summary>
    private static string? ClientActivityId(Activity activity) =>
        activity.ChannelData is { ValueKind: System.Text.Json.JsonValueKind.Object } data &&
        data.TryGetProperty("clientActivityID", out var id) && id.ValueKind == System.Text.Json.JsonValueKind.String &&
        id.GetString() is { Length: > 0 and <= 100 } value ? value : null;

    /// <summary>
    /// For channels that may deliver twice (Twilio): stores the message once per delivery id, creating the
    /// conversation on its first message. False for a duplicate.
    /// </summary>
    public async Task<bool> ReceiveOnceAsync(string conversationId, string channel, Activity activity, string deliveryId,
        string protectedAddress, bool? optOut, CancellationToken cancellation)
    {
        // Read in full, models loaded: if this answers the template, whether it is a turn hangs on it.
        var isUrgent = await urgent.SpeaksOfDangerAsync(activity.Text, cancellation);
        activity.Recipient = Bot;
        activity.Text = WithoutNul(activity.Text);
        activity.From = new ChannelAccount { Id = conversationId, Role = "user" };
        var sender = senders.For(channel);
        var arrival = new GuardedAppend.Arrival(deliveryId, protectedAddress, clock.GetUtcNow().UtcDateTime, optOut);
        var received = await ReceivedFastAsync(conversationId, channel, activity, arrival, sender, isUrgent, cancellation)
                       ?? await ReceivedSlowAsync(conversationId, channel, activity, arrival, sender, isUrgent, cancellation);
        if (received.IsRepeat) return false;
        if (received.Released) sender!.Wake();
        if (received.Released && !isUrgent) return true;
        turns.Enqueue(conversationId, isUrgent);
        return true;
    }

    /// <summary>
    /// In one command (the receipt, the conversation and its log; WhatsApp also looks for held messages, in a second), when this instance
    /// knows where the log ends (it ran the last turn); the turn then starts from memory too. Null when it does not know, or
    /// no longer, or this is a second delivery: nothing was stored and <see cref="ReceivedSlowAsync"/> decides.
    /// </summary>
    private async Task<Received?> ReceivedFastAsync(string conversationId, string channel, Activity activity,
        GuardedAppend.Arrival arrival, Channels.IChannelSender? sender, bool isUrgent, CancellationToken cancellation)
    {
        if (!_known.TryGet(conversationId, out var first)) return null;
        var now = arrival.At;
        // Held messages are looked for in a second command: the two are one transaction.
        var holds = sender?.Holds(channel) == true;
        using var write = _recent.BeginWrite(conversationId);
        var result = await GuardedByMemoryAsync(conversationId, first, known => databases.WriteAloneAsync(async (db, token) =>
        {
            if (holds) await SafeChatDbFactory.InTransactionAsync(db, token);
            var appended = await GuardedAppend.AppendAsync(db, conversationId, [new(activity, FromUser: true, VisibleToClient: true)], now,
                known.End, token, arrival: arrival);
            if (appended is null) return null; // the log moved on, or a repeat: nothing is kept
            // Held messages after the conversation's row, as the slow path does (two writers that lock in opposite orders
            // can deadlock on PostgreSQL), and in the transaction begun above.
            var released = holds && await sender!.ReleaseHeldAsync(db, conversationId, channel, now, token);
            if (released && !isUrgent) await MarkAnsweredAsync(db, conversationId, token);
            return new Stored(new Received(released), appended);
        }, cancellation, committed: stored =>
        {
            // A message that only answered the request to write back is no turn: what a turn would read is for the database to say.
            var view = stored.Received.Released && !isUrgent ? null : known.View?.Arrived(stored.Appended.Rows[0], arrival.At, arrival.OptOut);
            _known.Remember(conversationId, new KnownConversations.Known(stored.Appended.End, view));
        }));
        if (result is null) return null;
        _recent.Record(conversationId, result.Appended.Rows, write);
        return result.Received;
    }

    private sealed record Stored(Received Received, GuardedAppend.Appended Appended);

    /// <summary>Whoever else writes to the log; creates the conversation on its first message.</summary>
    private async Task<Received> ReceivedSlowAsync(string conversationId, string channel, Activity activity,
        GuardedAppend.Arrival arrival, Channels.IChannelSender? sender, bool isUrgent, CancellationToken cancellation)
    {
        var now = arrival.At;
        // What memory knew is no longer to be trusted, and what it holds of the log's tail goes when this write ends.
        _known.Forget(conversationId);
        using var write = _recent.BeginWrite(conversationId);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // One write, so on SQLite it joins the turns' shared commit instead of queuing for the lock on its own.
                return (await databases.WriteAsync(async (db, token) =>
                {
                    // A repeat whose first delivery is in the same shared commit, not yet committed, is seen here.
                    if (!await InboundReceipt.TakeAsync(db, arrival.DeliveryId, now, token)) return Received.Repeat;
                    if (!await db.Conversations.AnyAsync(c => c.Id == conversationId, token))
                    {
                        db.Conversations.Add(new ConversationRecord { Id = conversationId, Channel = channel, UserId = conversationId, CreatedAt = now, LastActivityAt = now });
                        await db.SaveChangesAsync(token);
                    }
                    await db.Conversations.Where(c => c.Id == conversationId).ExecuteUpdateAsync(s => s
                        .SetProperty(c => c.ChannelAddressProtected, arrival.ProtectedAddress)
                        .SetProperty(c => c.LastUserMessageAt, now)
                        .SetProperty(c => c.OptedOut, c => arrival.OptOut ?? c.OptedOut), token);
                    // An answer to the channel's request to write back releases what was held; it is not an answer to the bot's
                    // question — unless it speaks of danger or suicide: then it is a turn like any other, and 112 or 113 comes first.
                    var released = sender is not null && await sender.ReleaseHeldAsync(db, conversationId, channel, now, token);
                    await ActivityLog.AppendAsync(db, conversationId, [new(activity, FromUser: true, VisibleToClient: true)], now, token);
                    if (released && !isUrgent) await MarkAnsweredAsync(db, conversationId, token);
                    return new Received(released);
                }, cancellation))!;
            }
            catch (Exception error) when (attempt == 1 && (error is DbUpdateException || Deadlock.Is(error)) && !cancellation.IsCancellationRequested)
            {
                // Two first messages of a new conversation side by side (PostgreSQL): the second lost the race for the
                // conversation's row, which exists now. Or a copy of this delivery went down the one-statement path at the
                // same moment and this one was undone to break their deadlock. Its receipt went back with it, so it is
                // taken again (and is a repeat when the other was kept).
            }
        }
    }

    /// <summary>The message needs no turn: the log's last inbound counts as answered.</summary>
    private static Task MarkAnsweredAsync(SafeChatDb db, string conversationId, CancellationToken cancellation) =>
        db.Conversations.Where(c => c.Id == conversationId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastProcessedSeq, c => c.LastInboundSeq), cancellation);

    /// <summary>At most this many activities in one page.</summary>
    public const int PageSize = 500;

    /// <summary>Activities after the watermark, as stored JSON, and the new watermark.</summary>
    public async Task<ActivityPage> ReadAsync(string conversationId, long afterSeq, CancellationToken cancellation, int limit = PageSize)
    {
        if (ReadRecent(conversationId, afterSeq, limit) is { } remembered) return remembered;
        if (await AfterWritesAsync(conversationId, afterSeq, limit, cancellation) is { } written) return written;
        await using var db = databases.Create();
        var rows = await db.Activities.AsNoTracking()
            .Where(a => a.ConversationId == conversationId && a.Seq > afterSeq && a.VisibleToClient)
            .OrderBy(a => a.Seq).Take(limit)
            .Select(a => new { a.Seq, a.Json }).ToListAsync(cancellation);
        return new ActivityPage(rows.Select(r => r.Json).ToList(), rows.Count > 0 ? rows[^1].Seq : afterSeq);
    }

    /// <summary>How long a read waits for a write under way before it asks the database: longer than a commit usually takes,
    /// short enough that a write held up (a database that is slow or away) holds its readers up little.</summary>
    private static readonly TimeSpan WriteWaitAtMost = TimeSpan.FromMilliseconds(500);

    /// <summary>The page from memory once the conversation's writes under way have ended, when they were recorded.</summary>
    private async Task<ActivityPage?> AfterWritesAsync(string conversationId, long afterSeq, int limit, CancellationToken cancellation)
    {
        var ended = _recent.WritesEnded(conversationId);
        if (ended.IsCompleted) return null;
        try
        {
            await ended.WaitAsync(WriteWaitAtMost, cancellation);
        }
        catch (TimeoutException)
        {
            return null;
        }
        return ReadRecent(conversationId, afterSeq, limit);
    }

    /// <summary>
    /// The page from memory, when this instance just wrote all of it (a stream or a poll woken by a turn here), else null.
    /// Only a conversation that exists is in memory.
    /// </summary>
    public ActivityPage? ReadRecent(string conversationId, long afterSeq, int limit = PageSize) => _recent.TryRead(conversationId, afterSeq, limit);
}

public sealed record ActivityPage(IReadOnlyList<string> Json, long Watermark);

/// <summary>A message from a text channel, stored; whether it released messages held for the person's answer.</summary>
internal sealed record Received(bool Released, bool IsRepeat = false)
{
    public static readonly Received Repeat = new(Released: false, IsRepeat: true);
}
