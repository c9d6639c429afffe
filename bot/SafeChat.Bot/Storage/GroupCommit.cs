namespace SafeChat.Bot.Storage;

/// <summary>
/// Group commit for SQLite: the writes of turns and posts that wait at the same moment, from any conversation, share one
/// transaction and one flush of the write-ahead log. SQLite lets one writer in at a time; when every turn opened its own
/// transaction they queued for the lock inside SQLite, which sleeps between tries (1, 2, 5, 10… ms), so under load the
/// host waited with its cores idle. Here one drainer takes whatever is waiting, up to <see cref="MaxBatch"/>, writes it,
/// commits once and hands each caller its own result; a lone write starts at once, so a quiet host adds no delay.
/// Each write runs under its own savepoint: one whose guard does not hold (it returns null) or that throws is undone on
/// its own, and the others still commit. A caller learns its result only after the commit: what it acknowledges is on disk.
/// </summary>
public sealed class GroupCommit(Func<SafeChatDb> create)
{
    /// <summary>Enough to empty the queue of a busy host in a few commits, few enough that one commit stays short.</summary>
    public const int MaxBatch = 64;

    private readonly Lock _gate = new();
    private readonly Queue<Job> _waiting = new();
    private bool _draining;
    private long _commits, _writes;

    /// <summary>Transactions committed, and the writes they carried (how much the grouping saves; a test reads them).</summary>
    public (long Commits, long Writes) Counts => (Interlocked.Read(ref _commits), Interlocked.Read(ref _writes));

    /// <summary>Runs <paramref name="write"/> in a shared transaction: its result once committed, or null when it
    /// returned null (then nothing it wrote was kept). <paramref name="committed"/> runs on the committing thread, for every
    /// write of the batch, before any caller hears of the commit.</summary>
    public Task<T?> RunAsync<T>(Func<SafeChatDb, CancellationToken, Task<T?>> write, CancellationToken cancellation, Action<T>? committed = null)
        where T : class
    {
        var job = new Job<T>(write, cancellation, committed);
        lock (_gate)
        {
            _waiting.Enqueue(job);
            if (_draining) return job.Result;
            _draining = true;
        }
        _ = Task.Run(DrainAsync, CancellationToken.None);
        return job.Result;
    }

    private async Task DrainAsync()
    {
        var batch = new List<Job>(MaxBatch);
        while (true)
        {
            lock (_gate)
            {
                while (batch.Count < MaxBatch && _waiting.TryDequeue(out var job)) batch.Add(job);
                if (batch.Count == 0)
                {
                    _draining = false;
                    return;
                }
            }
            await CommitAsync(batch);
            batch.Clear();
        }
    }

    private async Task CommitAsync(List<Job> batch)
    {
        try
        {
            await using var db = create();
            await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
            for (var i = 0; i < batch.Count; i++)
            {
                var job = batch[i];
                if (job.Cancellation.IsCancellationRequested)
                {
                    job.Cancel();
                    continue;
                }
                var savepoint = $"write{i}";
                await transaction.CreateSavepointAsync(savepoint, CancellationToken.None);
                bool kept;
                try
                {
                    // Not the caller's token: cancelling one statement must not abort the transaction the others share.
                    kept = await job.WriteAsync(db);
                }
                catch (Exception error)
                {
                    job.Fail(error);
                    kept = false;
                }
                if (kept) await transaction.ReleaseSavepointAsync(savepoint, CancellationToken.None);
                else await transaction.RollbackToSavepointAsync(savepoint, CancellationToken.None);
                // The next write starts from what the database holds, not from what this one tracked (it may be undone).
                db.ChangeTracker.Clear();
            }
            await transaction.CommitAsync(CancellationToken.None);
            Interlocked.Increment(ref _commits);
            Interlocked.Add(ref _writes, batch.Count);
            // First what each write notes at its commit (a turn: where the log ends now), then the callers: one caller's
            // next step (waking a sender that sends another write's reply) must not come before the other's note.
            foreach (var job in batch) job.Noted();
            foreach (var job in batch) job.Committed();
        }
        catch (Exception error)
        {
            // The transaction is gone: nothing of this batch was kept, and every caller hears why.
            foreach (var job in batch) job.Fail(error);
        }
    }

    private abstract class Job(CancellationToken cancellation)
    {
        public CancellationToken Cancellation { get; } = cancellation;

        /// <summary>True when what it wrote is to be kept.</summary>
        public abstract Task<bool> WriteAsync(SafeChatDb db);
        public abstract void Noted();
        public abstract void Committed();
        public abstract void Fail(Exception error);
        public abstract void Cancel();
    }

    private sealed class Job<T>(Func<SafeChatDb, CancellationToken, Task<T?>> write, CancellationToken cancellation, Action<T>? committed)
        : Job(cancellation) where T : class
    {
        private readonly TaskCompletionSource<T?> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _written;

        public Task<T?> Result => _done.Task;

        public override async Task<bool> WriteAsync(SafeChatDb db)
        {
            _written = await write(db, CancellationToken.None);
            return _written is not null;
        }

        public override void Noted()
        {
            if (_written is null || committed is null) return;
            // A note that throws is its own caller's error; the commit stands for the others.
            try { committed(_written); }
            catch (Exception error) { _done.TrySetException(error); }
        }

        public override void Committed() => _done.TrySetResult(_written);
        public override void Fail(Exception error) => _done.TrySetException(error);
        public override void Cancel() => _done.TrySetCanceled(Cancellation);
    }
}
