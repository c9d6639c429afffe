namespace SafeChat.Bot.Conversations;

/// <summary>
/// Whether this instance has loaded its triage models and date recognisers (<see cref="EngineWarmUp"/>). Until then it
/// tells the load balancer it is not ready, and arriving messages are not read for urgency: a burst of posts during the
/// load each blocked a request thread on it, and on two cores the load itself then took a minute. Where a message must
/// be read before it is stored (an answer to WhatsApp's template), <see cref="WhenWarm"/> is awaited instead: that holds
/// no thread.
/// </summary>
public sealed class EngineReadiness
{
    private readonly TaskCompletionSource _warm = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsWarm => _warm.Task.IsCompleted;

    public Task WhenWarm => _warm.Task;

    public void MarkWarm() => _warm.TrySetResult();
}
