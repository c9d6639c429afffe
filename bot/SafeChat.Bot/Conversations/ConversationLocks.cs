using System.Collections.Concurrent;

namespace SafeChat.Bot.Conversations;

/// <summary>
/// One turn at a time per conversation inside this process. Across processes the state version
/// check decides; this lock only saves the wasted work of racing ourselves.
/// </summary>
public sealed class ConversationLocks
{
    private readonly ConcurrentDictionary<string, Entry> _locks = new();

    public async Task<IDisposable> AcquireAsync(string conversationId, CancellationToken cancellation)
    {
        var entry = Join(conversationId);
        try
        {
            await entry.Semaphore.WaitAsync(cancellation);
        }
        catch
        {
            Release(conversationId, entry, holdsSemaphore: false);
            throw;
        }
        return new Releaser(() => Release(conversationId, entry, holdsSemaphore: true));
    }

    /// <summary>The lock if nobody holds it now, else null (without waiting).</summary>
    public IDisposable? TryAcquire(string conversationId)
    {
        var entry = Join(conversationId);
        if (entry.Semaphore.Wait(0)) return new Releaser(() => Release(conversationId, entry, holdsSemaphore: true));
        Release(conversationId, entry, holdsSemaphore: false);
        return null;
    }

    /// <summary>The conversation's entry, counted as used until <see cref="Release"/>.</summary>
    private Entry Join(string conversationId)
    {
        Entry entry;
        while (true)
        {
            entry = _locks.GetOrAdd(conversationId, _ => new Entry());
            lock (entry)
            {
                if (!entry.Retired)
                {
                    entry.Users++;
                    return entry;
                }
            }
        }
    }

    private void Release(string conversationId, Entry entry, bool holdsSemaphore)
    {
        if (holdsSemaphore) entry.Semaphore.Release();
        lock (entry)
        {
            if (--entry.Users > 0) return;
            entry.Retired = true;
            _locks.TryRemove(new KeyValuePair<string, Entry>(conversationId, entry));
        }
    }

    private sealed class Entry
    {
        public readonly SemaphoreSlim Semaphore = new(1, 1);
        public int Users;
        public bool Retired;
    }

    private sealed class Releaser(Action release) : IDisposable
    {
        private int _done;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) release();
        }
    }
}
