using Microsoft.EntityFrameworkCore;
using SafeChat.Bot.Storage;

namespace SafeChat.Bot.Tests.Faults;

/// <summary>The outbox rows that have not gone out, for a failure message.</summary>
public static class OutboxReport
{
    public static async Task<string> UnsentAsync(SafeChatDb db) =>
        string.Join("\n", await db.Outbox.Where(o => o.Status != OutboxStatuses.Sent)
            .Select(o => $"#{o.Id} {o.Status} attempts={o.Attempts} error={o.ErrorCode} lease={o.LeaseUntil:O} next={o.NextAttemptAt:O}")
            .ToListAsync()) + $"\nnow={DateTime.UtcNow:O}";
}
