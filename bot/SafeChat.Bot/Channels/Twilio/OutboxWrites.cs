using SafeChat.Bot.Storage;

namespace SafeChat.Bot.Channels.Twilio;

/// <summary>How the outbox's steps (take, marks, give-backs, results) reach the database.</summary>
public sealed class OutboxWrites(SafeChatDbFactory databases)
{
    /// <summary>
    /// Each database step of a send is one write through the storage seam: on SQLite it joins the turns' shared commit
    /// (<see cref="GroupCommit"/>) instead of queuing for SQLite's one lock with its own transaction (sixteen senders doing
    /// that starved the turns).
    /// </summary>
    public Task RunAsync(Func<SafeChatDb, CancellationToken, Task> step, CancellationToken cancellation) =>
        RunAsync<object>(async (db, token) =>
        {
            await step(db, token);
            return Written;
        }, cancellation);

    private static readonly object Written = new();

    /// <summary>
    /// Where each write has a transaction of its own (PostgreSQL), the senders' steps go one at a time: sixteen of them
    /// side by side took connections from the turns while a thousand people started at once (paced, 1,000: Web Chat p99
    /// 80 ms with the gate, 601 ms without).
    /// </summary>
    public async Task<T?> RunAsync<T>(Func<SafeChatDb, CancellationToken, Task<T?>> step, CancellationToken cancellation) where T : class
    {
        if (databases.GroupCommit is not null) return await databases.WriteAsync(step, cancellation);
        await _oneAtATime.WaitAsync(cancellation);
        try { return await databases.WriteAsync(step, cancellation); }
        finally { _oneAtATime.Release(); }
    }

    private readonly SemaphoreSlim _oneAtATime = new(1);
}
