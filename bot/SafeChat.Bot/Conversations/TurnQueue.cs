using System.Threading.Channels;

namespace SafeChat.Bot.Conversations;

/// <summary>
/// Conversations with work waiting. Posting an activity only queues its turn, so the HTTP answer
/// (and Twilio's acknowledgement) never waits for the engine.
/// </summary>
public sealed class TurnQueue
{
    private readonly Channel<string> _queue = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = false });

    public void Enqueue(string conversationId) => _queue.Writer.TryWrite(conversationId);

    public ChannelReader<string> Reader => _queue.Reader;
}

/// <summary>
/// Drains the queue with a few workers; the per-conversation lock keeps each conversation in order. On shutdown the
/// workers finish what is already queued (turns are not cut off halfway); only the host's shutdown timeout stops them.
/// </summary>
public sealed class TurnWorker(TurnQueue queue, TurnProcessor processor, ILogger<TurnWorker> logger) : BackgroundService
{
    private readonly CancellationTokenSource _abandon = new();

    protected override Task ExecuteAsync(CancellationToken stopping) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(2, Environment.ProcessorCount * 2)).Select(_ => Task.Run(() => Work(stopping))));

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await using var registration = cancellationToken.Register(_abandon.Cancel);
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _abandon.Dispose();
        base.Dispose();
    }

    private async Task Work(CancellationToken stopping)
    {
        try
        {
            await foreach (var conversationId in queue.Reader.ReadAllAsync(stopping)) await ProcessAsync(conversationId);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        while (!_abandon.IsCancellationRequested && queue.Reader.TryRead(out var conversationId)) await ProcessAsync(conversationId);
    }

    private async Task ProcessAsync(string conversationId)
    {
        try
        {
            await processor.ProcessPendingAsync(conversationId, _abandon.Token);
        }
        catch (OperationCanceledException) when (_abandon.IsCancellationRequested)
        {
            // Out of shutdown time: the turn stays pending and another instance's sweeper (or our restart) takes it.
        }
        catch (Exception error)
        {
            // Typically the database is briefly away. The turn stays pending; the sweeper retries it.
            logger.LogWarning(error, "Turn processing for {ConversationId} will be retried", conversationId);
        }
    }
}
