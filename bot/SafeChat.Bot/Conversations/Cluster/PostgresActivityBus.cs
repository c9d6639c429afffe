using System.Threading.Channels;
using Npgsql;
using SafeChat.Bot.Storage;

namespace SafeChat.Bot.Conversations.Cluster;

/// <summary>
/// Carries "this conversation's log grew" between instances with PostgreSQL LISTEN/NOTIFY, so a Web Chat
/// streaming from instance A sees a reply produced on instance B at once. The payload is the sending instance's id and the
/// conversation id; the log stays the source of truth, so a lost notification costs latency, never data.
/// </summary>
public sealed class PostgresActivityBus : BackgroundService
{
    public const string ChannelName = "safechat_activity";

    // PostgreSQL delivers a notification to every listener, the sender's own too. This instance recorded its own changes
    // already; taken as another's, they made it forget what it had just remembered (the end of the log, the turn's view).
    private readonly string _instance = Guid.NewGuid().ToString("N");

    private readonly ActivitySignals _signals;
    // The listener's connection keeps its LISTEN for life; the publisher's go back to a pool of their own, prepared and
    // not reset: a DISCARD ALL before every burst was one more statement for the server (4,647 in 20 s of a closed loop,
    // 2026-12-04), and it dropped the prepared statement.
    private readonly NpgsqlDataSource _dataSource;
    private readonly NpgsqlDataSource _publishing;
    private readonly ILogger<PostgresActivityBus> _logger;
    // Unbounded but tiny in practice: ids are drained in batches by one writer.
    private readonly Channel<string> _outgoing = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public PostgresActivityBus(ActivitySignals signals, SafeChatDbFactory databases, ILogger<PostgresActivityBus> logger)
    {
        _signals = signals;
        _logger = logger;
        var connection = databases.PostgresConnectionString ?? throw new InvalidOperationException("The activity bus needs PostgreSQL.");
        _dataSource = NpgsqlDataSource.Create(connection);
        _publishing = NpgsqlDataSource.Create(PostgresConnection.ForContexts(connection));
        signals.PublishThrough(id => _outgoing.Writer.TryWrite(id));
    }

    protected override Task ExecuteAsync(CancellationToken stopping) =>
        Task.WhenAll(ListenAsync(stopping), PublishAsync(stopping));

    private async Task ListenAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _dataSource.OpenConnectionAsync(stopping);
                connection.Notification += (_, e) =>
                {
                    if (ConversationFrom(e.Payload) is { } conversationId) _signals.WakeLocal(conversationId);
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {ChannelName}", connection))
                    await listen.ExecuteNonQueryAsync(stopping);
                _signals.WakeAll(); // whatever happened while we were not listening
                while (!stopping.IsCancellationRequested)
                    await connection.WaitAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception failure)
            {
                // Streams still catch up at their keep-alive meanwhile; try again shortly.
                _logger.LogWarning(failure, "Activity bus lost its PostgreSQL listener; reconnecting");
                await DelayQuietlyAsync(TimeSpan.FromSeconds(1), stopping);
            }
        }
    }

    private async Task PublishAsync(CancellationToken stopping)
    {
        var pending = new HashSet<string>();
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                // Wait for work only when nothing is left over from a failed attempt.
                if (pending.Count == 0 && !await _outgoing.Reader.WaitToReadAsync(stopping)) return;
                // Merge a burst into one round trip; duplicates of one id fold into one notification.
                while (pending.Count < 200 && _outgoing.Reader.TryRead(out var id)) pending.Add(id);
                try
                {
                    await NotifyAsync(pending, stopping);
                    pending.Clear();
                }
                catch (Exception failure) when (failure is not OperationCanceledException)
                {
                    // Keep the ids and retry: other instances' streams fall back to their keep-alive meanwhile.
                    _logger.LogWarning(failure, "Activity bus could not notify the cluster; retrying");
                    await DelayQuietlyAsync(TimeSpan.FromSeconds(1), stopping);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private async Task NotifyAsync(IEnumerable<string> conversationIds, CancellationToken stopping)
    {
        await using var batch = _publishing.CreateBatch();
        foreach (var id in conversationIds)
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_notify($1, $2)")
                { Parameters = { new() { Value = ChannelName }, new() { Value = $"{_instance}|{id}" } } });
        await batch.ExecuteNonQueryAsync(stopping);
    }

    /// <summary>The conversation another instance changed; null for this instance's own notifications.</summary>
    private string? ConversationFrom(string payload)
    {
        var bar = payload.IndexOf('|');
        if (bar < 0) return payload; // an instance of an earlier version, during a rolling update
        return payload.AsSpan(0, bar).SequenceEqual(_instance) ? null : payload[(bar + 1)..];
    }

    private static async Task DelayQuietlyAsync(TimeSpan delay, CancellationToken stopping)
    {
        try { await Task.Delay(delay, stopping); }
        catch (OperationCanceledException) { }
    }

    public override void Dispose()
    {
        _dataSource.Dispose();
        _publishing.Dispose();
        base.Dispose();
    }
}
