using Microsoft.EntityFrameworkCore;
using SafeChat.Bot.Reports;
using SafeChat.Bot.Staff.Audit;
using SafeChat.Bot.Storage;
using SafeChat.Dialogs.Reports;

namespace SafeChat.Bot.Staff.Queue;

/// <param name="DeadlineAt">The earlier of the tier's deadline and, for a WhatsApp reply, the end of the 24-hour window (less a margin).</param>
public sealed record QueueItem(long Id, string Code, int Tier, string TierReason, string District, string Categories,
    DateTime CreatedAt, DateTime DeadlineAt, string Status, string? ClaimedBy, bool Overdue, bool Escalated, bool WindowLimited, string Language);

public sealed record Hotspot(string Place, int Reports);

/// <summary>The open cases, most urgent first: by tier, then by deadline. Nothing is left out of it.</summary>
public sealed class QueueService(SafeChatDbFactory databases, AuditTrail audit, QueueOptions options,
    SafeChat.Bot.Channels.Twilio.TwilioOptions twilio, TimeProvider clock)
{
    public async Task<IReadOnlyList<QueueItem>> OpenAsync(StaffMember who, bool overdueOnly = false, CancellationToken cancellation = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = databases.Create();
        var query = db.Reports.AsNoTracking().Where(r => r.Status != ReportStatuses.Closed);
        if (overdueOnly) query = query.Where(r => r.DeadlineAt < now);
        var rows = await query.OrderBy(r => r.Tier).ThenBy(r => r.DeadlineAt)
            .Select(r => new { r.Id, r.Code, r.Tier, r.TierReason, r.District, r.Categories, r.CreatedAt, r.DeadlineAt, r.Status, r.ClaimedBy, r.EscalatedAt, r.ReplyConversationId, r.Language })
            .ToListAsync(cancellation);
        var names = await db.StaffUsers.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Email, cancellation);
        var replyTo = rows.Select(r => r.ReplyConversationId).OfType<string>().ToList();
        var windows = await db.Conversations.AsNoTracking()
            .Where(c => replyTo.Contains(c.Id) && c.Channel == SafeChat.Bot.Channels.Twilio.TwilioChannels.WhatsApp && c.LastUserMessageAt != null)
            .ToDictionaryAsync(c => c.Id, c => c.LastUserMessageAt!.Value + SafeChat.Bot.Channels.Twilio.TwilioOptions.Window - twilio.WindowMargin, cancellation);
        audit.Record(db, who.Id, AuditActions.ViewedQueue, detail: overdueOnly ? "overdue" : null);
        await db.SaveChangesAsync(cancellation);
        return rows.Select(r =>
        {
            var window = r.ReplyConversationId is { } c && windows.TryGetValue(c, out var end) ? end : DateTime.MaxValue;
            var deadline = window < r.DeadlineAt ? window : r.DeadlineAt;
            return new QueueItem(r.Id, r.Code, r.Tier, r.TierReason, r.District, r.Categories, r.CreatedAt, deadline, r.Status,
                r.ClaimedBy is { } s ? names.GetValueOrDefault(s) : null, deadline < now, r.EscalatedAt is not null, window < r.DeadlineAt, r.Language);
        }).OrderBy(i => i.Tier).ThenBy(i => i.DeadlineAt).ToList();
    }

    /// <summary>Districts and grid cells with more reports in the last 7 days than the threshold: where enforcement goes.</summary>
    public async Task<IReadOnlyList<Hotspot>> HotspotsAsync(CancellationToken cancellation = default)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-7);
        await using var db = databases.Create();
        var recent = await db.Reports.AsNoTracking().Where(r => r.CreatedAt >= since)
            .Select(r => new { r.District, r.GridCell }).ToListAsync(cancellation);
        var byDistrict = recent.Where(r => r.District != Districts.Elsewhere).GroupBy(r => Districts.NameOf(r.District));
        var byCell = recent.Where(r => r.GridCell is not null).GroupBy(r => "vak " + r.GridCell);
        return byDistrict.Concat(byCell).Where(g => g.Count() > options.HotspotThreshold)
            .Select(g => new Hotspot(g.Key, g.Count())).OrderByDescending(h => h.Reports).ToList();
    }

    public async Task<IReadOnlyList<(long Id, string Email, string Role)>> StaffAsync(CancellationToken cancellation = default)
    {
        await using var db = databases.Create();
        return (await db.StaffUsers.AsNoTracking().OrderBy(u => u.Email).Select(u => new { u.Id, u.Email, u.Role }).ToListAsync(cancellation))
            .Select(u => (u.Id, u.Email, u.Role)).ToList();
    }
}
