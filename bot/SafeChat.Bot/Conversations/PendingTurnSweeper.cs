using Microsoft.EntityFrameworkCore;
using SafeChat.Bot.Storage;

namespace SafeChat.Bot.Conversations;

/// <summary>
/// Picks up turns nobody finished: after a crash, a database hiccup, or on another instance.
/// Nothing a person sent is left unanswered.
/// </summary>
public sealed class PendingTurnSweeper(SafeChatDbFactory databases, TurnQueue queue, ILogger<PendingTurnSweeper> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(Interval) /* real time: an infrastructure poll, not business time */;
        do
        {
            try
            {
                await using var db = databases.Create();
                var pending = await db.Conversations.AsNoTracking()
                    .Where(c => c.LastInboundSeq > c.LastProcessedSeq)
                    .Select(c => c.Id).Take(500).ToListAsync(stopping);
                foreach (var id in pending) queue.Enqueue(id);
            }
            catch (Exception error) when (!stopping.IsCancellationRequested)
            {
                logger.LogWarning(error, "Could not look for pending turns; trying again in {Interval}", Interval);
            }
        } while (await WaitAsync(timer, stopping));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stopping)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stopping);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
