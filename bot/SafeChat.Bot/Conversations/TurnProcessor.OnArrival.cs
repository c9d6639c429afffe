using SafeChat.Dialogs.Activities;

namespace SafeChat.Bot.Conversations;

public sealed partial class TurnProcessor
{
    /// <summary>Turns run as their message comes in, at most this many at once (as many as turn workers may be): on
    /// PostgreSQL each holds a connection in its write. Beyond it, and until the models are loaded, messages take the queue,
    /// whose workers empty the urgent lane first.</summary>
    private const int MostOnArrivalAtOnce = 64;

    private readonly SemaphoreSlim _onArrival = new(MostOnArrivalAtOnce, MostOnArrivalAtOnce);

    /// <summary>
    /// Stores a message from the person and the turn that answers it as one guarded write (on PostgreSQL one statement),
    /// when this instance knows everything that turn would read and nothing waits before the message: the usual case of a
    /// person answering the bot. That is one update of the conversation's row instead of two, and no hop to a turn worker.
    /// The write's guards are those of both writes it replaces (where the log ends, the state version, the client's id), so
    /// it is kept whole or not at all. Returns the message's id, or null when it was not taken (another turn of the
    /// conversation runs here, memory does not know it, a guard did not hold, or the turn has effects beyond replies):
    /// then nothing was stored, and the message goes the usual way.
    /// </summary>
    /// <param name="receivedAt">When the request came in (<see cref="TimeProvider.GetTimestamp"/>): the turn's time counts
    /// from there, a wait behind the person's message before included.</param>
    public async Task<string?> AnswerOnArrivalAsync(string conversationId, Activity activity, string? clientId, long receivedAt,
        CancellationToken cancellation)
    {
        if (!readiness.IsWarm || !known.TryGet(conversationId, out var first) || first.View is not { Pending.Count: 0 }) return null;
        if (!_onArrival.Wait(0)) return null;
        try
        {
            return await AnswerAsync(conversationId, activity, clientId, receivedAt, cancellation);
        }
        finally
        {
            _onArrival.Release();
        }
    }

    private async Task<string?> AnswerAsync(string conversationId, Activity activity, string? clientId, long receivedAt,
        CancellationToken cancellation)
    {
        using var held = locks.TryAcquire(conversationId);
        // Read again under the lock: a turn that ended meanwhile moved the log on.
        if (held is null || !known.TryGet(conversationId, out var now) || now.View is not { Pending.Count: 0 } idle) return null;
        var end = now.End;
        // Stamped on a copy: when this is not taken, the message goes the usual way as it came.
        var message = activity.Clone();
        var stamped = ActivityLog.Stamp(conversationId, [new(message, FromUser: true, VisibleToClient: true, clientId)],
            end.LastSeq + 1, end.Next(clock.GetUtcNow().UtcDateTime))[0];
        var view = idle.With(stamped);
        using var span = Observability.SafeChatTelemetry.Traces.StartActivity("turn");
        span?.SetTag("channel", view.Channel);
        var (turn, fired) = Run(view, stamped, conversationId, message);
        // A report, a live chat or an erasure: the turn goes the usual way, after the message is stored (the engine answers
        // it the same then). Such a turn writes more than one command, and if one fails the message must still be kept.
        if (turn.Effects.Count > 0) return null;
        // Stored as the transcript keeps it (stamping it again in the write changes only its time).
        var logged = ScrubbedCopy(message) ?? message;
        turn = turn with { Arrived = new ActivityLog.Entry(logged, FromUser: true, VisibleToClient: true, clientId) };

        var written = await CommitAsync(turn, end, committed => Remember(conversationId, view, complete: true, committed), cancellation);
        if (written is null)
        {
            known.Forget(conversationId);
            return null;
        }
        delivery.Delivered(conversationId, wakeSender: written.Queued, recorded: written.Recorded);
        telemetry.TurnCompleted(view.Channel, clock.GetElapsedTime(receivedAt), "arrival");
        foreach (var rule in fired) logger.LogInformation("Routing rule {Rule} fired", rule);
        return stamped.ActivityId;
    }
}
