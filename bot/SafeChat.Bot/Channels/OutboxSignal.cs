namespace SafeChat.Bot.Channels;

/// <summary>Wakes the dispatcher; the table stays the source of truth, so a lost wake-up only delays.</summary>
public class OutboxSignal
{
    private readonly System.Threading.Channels.Channel<bool> _wakeups =
        System.Threading.Channels.Channel.CreateBounded<bool>(new System.Threading.Channels.BoundedChannelOptions(1) { FullMode = System.Threading.Channels.BoundedChannelFullMode.DropWrite });

    private long _wakes;

    public void Wake()
    {
        Interlocked.Increment(ref _wakes);
        _wakeups.Writer.TryWrite(true);
    }

    /// <summary>How many wake-ups there have been: a sender that sees it move knows something came meanwhile.</summary>
    public long Wakes => Interlocked.Read(ref _wakes);

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellation)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timer.CancelAfter(timeout);
        try { await _wakeups.Reader.ReadAsync(timer.Token); }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested) { }
    }
}
