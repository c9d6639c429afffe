using System.Collections.Concurrent;
using System.Threading.Channels;

namespace SafeChat.Bot.Conversations;

/// <summary>
/// Wakes open streams when their conversation's log grows. The log stays the source of truth:
/// a woken stream reads from its watermark, so a missed or merged signal never loses anything.
/// </summary>
public sealed class ActivitySignals
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Subscription, byte>> _subscribers = new();

    public Subscription Subscribe(string conversationId)
    {
        var subscription = new Subscription(this, conversationId);
        _subscribers.GetOrAdd(conversationId, _ => new()).TryAdd(subscription, 0);
        return subscription;
    }

    public void Notify(string conversationId)
    {
        if (!_subscribers.TryGetValue(conversationId, out var set)) return;
        foreach (var subscription in set.Keys) subscription.Wake();
    }

    private void Remove(Subscription subscription)
    {
        if (_subscribers.TryGetValue(subscription.ConversationId, out var set))
        {
            set.TryRemove(subscription, out _);
            if (set.IsEmpty) _subscribers.TryRemove(new KeyValuePair<string, ConcurrentDictionary<Subscription, byte>>(subscription.ConversationId, set));
        }
    }

    public sealed class Subscription(ActivitySignals owner, string conversationId) : IDisposable
    {
        // Capacity one: many wake-ups before the reader gets to it fold into one read.
        private readonly Channel<bool> _wakeups = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

        public string ConversationId { get; } = conversationId;

        internal void Wake() => _wakeups.Writer.TryWrite(true);

        /// <summary>True when woken, false when the timeout passed first.</summary>
        public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellation)
        {
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
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
