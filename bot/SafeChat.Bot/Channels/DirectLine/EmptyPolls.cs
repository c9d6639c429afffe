using SafeChat.Bot.Conversations;

namespace SafeChat.Bot.Channels.DirectLine;

/// <summary>
/// Long polling for Direct Line's GET /activities. A poll that this instance knows has nothing new (see
/// <see cref="ActivityPollCache"/>) waits up to <see cref="DirectLineOptions.EmptyPollWait"/> for the conversation's log to
/// grow before it answers "nothing". The person sees the bot's reply as soon as it is written, not one polling interval
/// later, and a polling client costs one request per reply instead of one every interval. DirectLineJS asks again
/// "interval minus the time the last request took" later, so it simply keeps one request waiting.
/// </summary>
public sealed class EmptyPolls(ActivityPollCache polls, ActivitySignals signals, DirectLineOptions options, IHostApplicationLifetime lifetime)
{
    /// <summary>False when nothing came after <paramref name="after"/> within the wait: answer an empty page. True when the
    /// log may hold something new: read it.</summary>
    public async Task<bool> WaitForNewAsync(string conversationId, long after, CancellationToken cancellation)
    {
        if (!polls.NothingAfter(conversationId, after)) return true;
        if (options.EmptyPollWait <= TimeSpan.Zero) return false;
        // Subscribed before looking again: a reply written between the two is a wake-up, not a miss.
        using var subscription = signals.Subscribe(conversationId);
        if (!polls.NothingAfter(conversationId, after)) return true;
        // Shutdown answers at once: a waiting poll must not hold up a rolling restart.
        var woken = await subscription.WaitAsync(options.EmptyPollWait, cancellation, lifetime.ApplicationStopping);
        if (lifetime.ApplicationStopping.IsCancellationRequested) return false;
        // Memory's "nothing" has an age limit (a lost signal): past it, the log is read again.
        return woken || !polls.NothingAfter(conversationId, after);
    }
}
