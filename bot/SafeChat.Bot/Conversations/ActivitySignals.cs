using System.Collections.Concurrent;
using System.Threading.Channels;

namespace SafeChat.Bot.Conversations;

/// <summary>
/// Wakes open streams when their conversation's log grows. The log stays the source of truth:
/// a woken stream reads from its watermark, so a missed or merged signal never loses anything.
/// </summary>
public sealed class ActivitySignals
{
    private readonly ConcurrentDictionary<string, Watchers> _subscribers = new();

    /// <summary>A conversation's subscriptions. Joining and leaving lock it: the last to leave takes it out of the
    /// dictionary, and one who joins a set already taken out tries again (else it would wait on a set nobody wakes).</summary>
    private sealed class Watchers
    {
        public readonly ConcurrentDictionary<Subscription, byte> Members = new();
        public bool Removed;
    }
    private Action<string>? _publish;

    /// <summary>The log of a conversation grew (here or on another instance).</summary>
    public event Action<string>? Changed;

    /// <summary>... and this instance did not record what was added in <see cref="RecentActivities"/>.</summary>
    public event Action<string>? ChangedUnrecorded;

    /// <summary>Any log may have grown (the cluster bus was away).</summary>
    public event Action? ChangedAll;

    /// <summary>Lets a cluster bus tell the other instances, whose streams are not in this process.</summary>
    public void PublishThrough(Action<string> publish) => _publish = publish;

    public Subscription Subscribe(string conversationId)
    {
        var subscription = new Subscription(this, conversationId);
        while (true)
        {
            var watchers = _subscribers.GetOrAdd(conversationId, _ => new());
            lock (watchers)
            {
                if (watchers.Removed) continue;
                watchers.Members.TryAdd(subscription, 0);
                return subscription;
            }
        }
    }

    /// <summary>The log of this conversation grew here: wake local streams and tell the cluster.</summary>
    public void Notify(string conversationId)
    {
        WakeLocal(conversationId);
        _publish?.Invoke(conversationId);
    }

    /// <summary>As <see cref="Notify"/>, after the writer recorded what it added in <see cref="RecentActivities"/>.</summary>
    public void NotifyRecorded(string conversationId)
    {
        Wake(conversationId);
        _publish?.Invoke(conversationId);
    }

    /// <summary>Another instance appended to this conversation's log.</summary>
    public void WakeLocal(string conversationId)
    {
        ChangedUnrecorded?.Invoke(conversationId);
        Wake(conversationId);
    }

    private void Wake(string conversationId)
    {
        Changed?.Invoke(conversationId);
        if (!_subscribers.TryGetValue(conversationId, out var watchers)) return;
        foreach (var subscription in watchers.Members.Keys) subscription.Wake();
    }

    /// <summary>After the cluster bus lost its connection: any stream may have missed a signal.</summary>
    public void WakeAll()
    {
        ChangedAll?.Invoke();
        foreach (var watchers in _subscribers.Values)
            foreach (var subscription in watchers.Members.Keys) subscription.Wake();
    }

    private void Remove(Subscription subscription)
    {
        if (!_subscribers.TryGetValue(subscription.ConversationId, out var watchers)) return;
        lock (watchers)
        {
            watchers.Members.TryRemove(subscription, out _);
            if (!watchers.Members.IsEmpty || watchers.Removed) return;
            watchers.Removed = true;
            _subscribers.TryRemove(new KeyValuePair<string, Watchers>(subscription.ConversationId, watchers));
        }
    }

    public sealed class Subscription(ActivitySignals owner, string conversationId) : IDisposable
    {
        // Capacity one: many wake-ups before the reader gets to it fold into one read.
        private readonly Channel<bool> _wakeups = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

        public string ConversationId { get; } = conversationId;

        internal void Wake() => _wakeups.Writer.TryWrite(true);

        /// <summary>True when woken, false when the timeout passed first or <paramref name="stopping"/> ended the wait (a
        /// shutdown: the caller answers at once); <paramref name="cancellation"/> throws.</summary>
        public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellation, CancellationToken stopping = default)
        {
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellation, stopping);
            timer.CancelAfter(timeout);
            try
            {
                return await _wakeups.Reader.ReadAsync(timer.Token);
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                return false;
            }
        }

        public void Dispose() => owner.Remove(this);
    }
}
