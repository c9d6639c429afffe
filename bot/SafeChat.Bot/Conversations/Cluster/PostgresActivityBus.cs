using System.Threading.Channels;
using Npgsql;
using SafeChat.Bot.Storage;

namespace SafeChat.Bot.Conversations.Cluster;

/// <summary>
/// Carries "this conversation's log grew" between instances with PostgreSQL LISTEN/NOTIFY, so a Web Chat
/// streaming from instance A sees a reply produced on instance B at once. The payload is the sending instance's id and the
/// ids of the conversations that changed, one per line; the log stays the source of truth, so a lost notification costs
/// latency, never data.
/// </summary>
public sealed class PostgresActivityBus : BackgroundService
{
    public const string ChannelName = "safechat_activity";

    // PostgreSQL delivers a notification to every listener, the sender's own too. This instance recorded its own changes
    // already; taken as another's, they made it forget what it had just remembered (the end of the log, the turn's view).
    private readonly string _instance = Guid.NewGuid().ToString("N");

    // A notification's payload may hold up to 8,000 bytes; ids are ASCII (base64url, or a channel's prefix and a keyed hash).
    private const int MostPayloadChars = 7_000;

    private readonly ActivitySignals _signals;
    // The listener's connection keeps its LISTEN for life; the publisher's go back to a pool of their own, prepared and
    // not reset (a DISCARD ALL before every burst was one more statement for the server, and dropped the prepared one).
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
                    foreach (var conversationId in ConversationsFrom(e.Payload)) _signals.WakeLocal(conversationId);
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
                // Merge a burst into one round trip and few notifications; duplicates of one id fold into one.
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

    private async Task NotifyAsync(IReadOnlyCollection<string> conversationIds, CancellationToken stopping)
    {
        await using var batch = _publishing.CreateBatch();
        foreach (var payload in Payloads(_instance, conversationIds))
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_notify($1, $2)")
                { Parameters = { new() { Value = ChannelName }, new() { Value = payload } } });
        await batch.ExecuteNonQueryAsync(stopping);
    }

    /// <summary>"instance|id", a line more for every further id, as few payloads as fit. Every notification costs the server
    /// a queue entry and every listener a wake-up: a busy instance changes a few hundred conversations a second.</summary>
    internal static IEnumerable<string> Payloads(string instance, IEnumerable<string> conversationIds)
    {
        var payload = new System.Text.StringBuilder();
        foreach (var id in conversationIds)
        {
            if (payload.Length > 0 && payload.Length + 1 + id.Length > MostPayloadChars)
            {
                yield return payload.ToString();
                payload.Clear();
            }
            payload.Append(payload.Length == 0 ? instance + "|" : "\n").Append(id);
        }
        if (payload.Length > 0) yield return payload.ToString();
    }

    /// <summary>The conversations another instance changed; none for this instance's own notifications.</summary>
    internal static IEnumerable<string> ConversationsFrom(string payload, string instance)
    {
        var bar = payload.IndexOf('|');
        if (bar < 0) return [payload]; // an instance of an earlier version, during a rolling update
        return payload.AsSpan(0, bar).SequenceEqual(instance) ? [] : payload[(bar + 1)..].Split('\n');
    }

    private IEnumerable<string> ConversationsFrom(string payload) => ConversationsFrom(payload, _instance);

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
