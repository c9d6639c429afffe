using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SafeChat.Bot.Observability;

/// <summary>
/// SafeChat's own metrics and traces. Tags carry channels, tiers and outcomes, never people: no phone numbers,
/// addresses, message text or conversation ids, so any dashboard is safe to share.
/// </summary>
public sealed class SafeChatTelemetry
{
    public const string Name = "SafeChat";
    public static readonly ActivitySource Traces = new(Name);

    private readonly Histogram<double> _turnDuration;
    private readonly Counter<long> _turns;
    private readonly Histogram<double> _outboxLag;
    private readonly Counter<long> _outboxFailures;
    private readonly Counter<long> _twilioCalls;
    private readonly Counter<long> _slaBreaches;

    public SafeChatTelemetry(IMeterFactory meters, QueueDepth queueDepth)
    {
        Meter = meters.Create(Name);
        _turnDuration = Meter.CreateHistogram<double>("safechat.turn.duration", "s",
            "From receiving a message to its replies being stored and sent to the channel.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });
        _turns = Meter.CreateCounter<long>("safechat.turns", "{turn}",
            "Turns completed, per channel and by where they started: from memory, with their message, or from a read of the database.");
        _outboxLag = Meter.CreateHistogram<double>("safechat.outbox.lag", "s", "From a reply being queued to Twilio accepting it.");
        _outboxFailures = Meter.CreateCounter<long>("safechat.outbox.failures", "{message}", "Replies Twilio refused for good.");
        _twilioCalls = Meter.CreateCounter<long>("safechat.twilio.calls", "{call}", "Twilio REST calls by outcome: accepted, refused, transient.");
        _slaBreaches = Meter.CreateCounter<long>("safechat.queue.sla_breaches", "{case}", "Cases that passed their deadline, per tier.");
        Meter.CreateObservableGauge("safechat.queue.depth", queueDepth.Observe, "{case}", "Open cases per tier.");
    }

    public Meter Meter { get; }

    /// <param name="start">Where the turn started. "memory": it read nothing, this instance knew the conversation's state
    /// and waiting messages. "arrival": it ran as its message came in and was stored with it. "database": it read the
    /// conversation, which points at writes another instance made, or at memory lost on the way.</param>
    public void TurnCompleted(string channel, TimeSpan sinceReceived, string start)
    {
        var tag = new KeyValuePair<string, object?>("channel", channel);
        _turnDuration.Record(Math.Max(0, sinceReceived.TotalSeconds), tag);
        _turns.Add(1, tag, new KeyValuePair<string, object?>("start", start));
    }

    public void TwilioCall(string outcome) => _twilioCalls.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void OutboxSent(string channel, TimeSpan lag) =>
        _outboxLag.Record(Math.Max(0, lag.TotalSeconds), new KeyValuePair<string, object?>("channel", channel));

    public void OutboxFailed(string channel) => _outboxFailures.Add(1, new KeyValuePair<string, object?>("channel", channel));

    public void SlaBreached(int tier) => _slaBreaches.Add(1, new KeyValuePair<string, object?>("tier", tier));
}
