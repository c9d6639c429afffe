using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using SafeChat.Bot.Storage;
using SafeChat.Dialogs.Reports;

namespace SafeChat.Bot.Observability;

/// <summary>
/// Open cases per tier, read when the exporter asks (once per export interval), and cached briefly
/// so several readers in one collection do not each query the database.
/// </summary>
public sealed class QueueDepth(SafeChatDbFactory databases, TimeProvider clock, ILogger<QueueDepth> logger)
{
    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(5);
    private readonly Lock _gate = new();
    private (DateTimeOffset At, Measurement<long>[] Values)? _last;

    public IEnumerable<Measurement<long>> Observe()
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (_last is { } last && now - last.At < Fresh) return last.Values;
            try
            {
                _last = (now, Read());
            }
            catch (Exception failure)
            {
                // A database blip costs one data point, not the exporter.
                logger.LogWarning(failure, "Queue depth could not be read");
                return [];
            }
            return _last.Value.Values;
        }
    }

    private Measurement<long>[] Read()
    {
        using var db = databases.Create();
        var open = db.Reports.AsNoTracking().Where(r => r.Status != ReportStatuses.Closed)
            .GroupBy(r => r.Tier).Select(g => new { Tier = g.Key, Count = g.LongCount() }).ToList();
        return [.. Enumerable.Range(1, 3).Select(tier =>
            new Measurement<long>(open.SingleOrDefault(o => o.Tier == tier)?.Count ?? 0, new KeyValuePair<string, object?>("tier", tier)))];
    }
}
