using System.Diagnostics;

namespace SafeChat.Bot.Channels.Twilio;

/// <summary>
/// Keeps one kind of outbox write (the take, the sent marks) at least <paramref name="interval"/> apart: when the outbox
/// is busy, what comes meanwhile joins the next write instead of costing one of its own. On a quiet host the last write
/// was long ago and nothing waits. A text message takes seconds to reach a phone; a few milliseconds here do not show.
/// For one caller at a time.
/// </summary>
public sealed class WriteSpacing(TimeSpan interval)
{
    private long _last = Stopwatch.GetTimestamp() - Stopwatch.Frequency * 3600;

    public async Task WaitAsync(CancellationToken cancellation)
    {
        var since = Stopwatch.GetElapsedTime(_last);
        if (since < interval) await Task.Delay(interval - since, cancellation);
        _last = Stopwatch.GetTimestamp();
    }
}
