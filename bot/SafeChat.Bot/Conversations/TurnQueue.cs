using System.Collections.Concurrent;

namespace SafeChat.Bot.Conversations;

/// <summary>
/// Conversations with work waiting. A message that is not answered as it comes in (Web Chat's usually are, with one write:
/// <see cref="TurnProcessor.AnswerOnArrivalAsync"/>) only queues its turn, so Twilio's acknowledgement never waits for
/// the engine.
/// <list type="bullet">
/// <item>A conversation waits once, however many messages it has pending (its turn takes them all): a flood of posts
/// cannot grow the queue beyond the number of conversations.</item>
/// <item>A message that reads as danger or thoughts of suicide goes in the urgent lane, which workers empty first: under
/// a flood, the person who needs 112 does not wait behind everyone else.</item>
/// </list>
/// </summary>
public sealed class TurnQueue
{
    private readonly ConcurrentQueue<string> _urgent = new(), _normal = new();
    private readonly ConcurrentDictionary<string, byte> _waiting = new();
    // One count for both lanes: a worker waits for "something", then takes the urgent lane first.
    private readonly SemaphoreSlim _items = new(0);

    public void Enqueue(string conversationId, bool urgent = false)
    {
        if (urgent)
        {
            _waiting[conversationId] = 0;
            _urgent.Enqueue(conversationId);
        }
        else if (_waiting.TryAdd(conversationId, 0))
        {
            _normal.Enqueue(conversationId);
        }
        else return;
        _items.Release();
    }

    /// <summary>The conversations waiting now.</summary>
    public int Count => _waiting.Count;

    /// <summary>The next conversation, urgent ones first; a conversation is no longer waiting once taken, so a message
    /// that arrives while its turn runs queues it again.</summary>
    public bool TryRead(out string conversationId)
    {
        if (!_items.Wait(0)) { conversationId = ""; return false; }
        Take(out conversationId);
        return true;
    }

    public async IAsyncEnumerable<string> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellation)
    {
        while (true)
        {
            await _items.WaitAsync(cancellation);
            Take(out var conversationId);
            yield return conversationId;
        }
    }

    // Each count stands for one entry in one of the lanes, so one of them holds it.
    private void Take(out string conversationId)
    {
        if (!_urgent.TryDequeue(out conversationId!) && !_normal.TryDequeue(out conversationId!))
            throw new InvalidOperationException("The turn queue's count and lanes disagree.");
        _waiting.TryRemove(conversationId, out _);
    }
}

/// <summary>
/// Drains the queue with a fixed number of workers (the global bound on turns in flight, whatever the traffic); the
/// per-conversation lock keeps each conversation in order. On shutdown the
/// workers finish what is already queued (turns are not cut off halfway); only the host's shutdown timeout stops them.
/// </summary>
public sealed class TurnWorker(TurnQueue queue, TurnProcessor processor, ILogger<TurnWorker> logger) : BackgroundService
{
    /// <summary>
    /// A turn spends most of its time waiting for its commit, so several per core: the more turns wait, the more writes
    /// one commit carries. Closed loop at 200 on 2 cores (SQLite, 2026-12-04, alternated): 4 workers 893 / 975 / 928
    /// turns/s, 16 workers 1,327 / 1,228 / 1,082, 32 no better (1,099 / 1,307). Sixteen first needed a turn and the
    /// person's next message committing side by side to go again from memory rather than down the slow path. At most 64:
    /// on PostgreSQL each one in a write holds a connection, and the webhooks need some of the pool's (100 by default).
    /// </summary>
    private static readonly int Workers = Math.Min(Environment.ProcessorCount * 8, 64);

    private readonly CancellationTokenSource _abandon = new();

    protected override Task ExecuteAsync(CancellationToken stopping) =>
        Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(() => Work(stopping))));

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
            await foreach (var conversationId in queue.ReadAllAsync(stopping)) await ProcessAsync(conversationId);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        while (!_abandon.IsCancellationRequested && queue.TryRead(out var conversationId)) await ProcessAsync(conversationId);
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
