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

/// <summary>Drains the queue with a few workers; the per-conversation lock keeps each conversation in order.</summary>
public sealed class TurnWorker(TurnQueue queue, TurnProcessor processor, ILogger<TurnWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stopping) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(2, Environment.ProcessorCount * 2)).Select(_ => Work(stopping)));

    private async Task Work(CancellationToken stopping)
    {
        await foreach (var conversationId in queue.Reader.ReadAllAsync(stopping))
        {
            try
            {
                await processor.ProcessPendingAsync(conversationId, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                // Typically the database is briefly away. The turn stays pending; the sweeper retries it.
                logger.LogWarning(error, "Turn processing for {ConversationId} will be retried", conversationId);
            }
        }
    }
}
