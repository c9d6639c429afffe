using System.Diagnostics;
using SafeChat.Bot.Conversations;

namespace SafeChat.Bot.Channels.DirectLine;

/// <summary>
/// Lets the answer to a posted message wait (up to <see cref="DirectLineOptions.PostWaitForTurn"/>) until the turn that
/// answers it has ended, as Direct Line does with a bot that replies during its turn: the client's next poll finds the
/// reply instead of only its own message, so a polling client needs one request per reply. The message is stored before
/// the wait, and the wait ends early whenever this instance cannot tell (another instance runs the turn, the slow path).
/// </summary>
public sealed class TurnWait(ActivitySignals signals, KnownConversations known, DirectLineOptions options, IHostApplicationLifetime lifetime)
{
    public ActivitySignals.Subscription Watch(string conversationId) => signals.Subscribe(conversationId);

    public async Task UntilAnsweredAsync(ActivitySignals.Subscription watch, string activityId, CancellationToken cancellation)
    {
        if (options.PostWaitForTurn <= TimeSpan.Zero || ActivityLog.SeqOf(activityId) is not { } seq) return;
        var waited = Stopwatch.StartNew();
        // Every turn's end wakes the conversation's watchers, with or without replies. A shutdown answers now: the message
        // is stored and its turn will run.
        while (Waiting(watch.ConversationId, seq))
        {
            var left = options.PostWaitForTurn - waited.Elapsed;
            if (left <= TimeSpan.Zero || !await watch.WaitAsync(left, cancellation, lifetime.ApplicationStopping)) return;
        }
    }

    /// <summary>True while this instance knows the message is still waiting for its turn.</summary>
    private bool Waiting(string conversationId, long seq) =>
        known.TryGet(conversationId, out var remembered) && remembered.View is { } view && view.LastProcessedSeq < seq;
}
