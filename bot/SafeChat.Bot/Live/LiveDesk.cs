using Microsoft.EntityFrameworkCore;
using SafeChat.Dialogs.Reports;
using SafeChat.Bot.Storage;
using SafeChat.Dialogs.Live;

namespace SafeChat.Bot.Live;

/// <summary>The engine's view of the team: on duty by <see cref="HandoverOptions.Hours"/>, and the wait from the queue.</summary>
public sealed class LiveDesk(SafeChatDbFactory databases, HandoverOptions options) : ILiveDesk
{
    private readonly StaffedHours _hours = options.StaffedHours;

    public LiveDeskStatus Status(DateTimeOffset now)
    {
        var onDuty = _hours.Contains(TimeZoneInfo.ConvertTime(now, RotterdamTime.Zone).DateTime);
        if (!onDuty) return new LiveDeskStatus(false, 0, _hours);
        using var db = databases.Create();
        var waiting = db.LiveChats.AsNoTracking().Count(l => l.Status == LiveChatStatuses.Waiting);
        return new LiveDeskStatus(true, (waiting + 1) * options.MinutesPerChat, _hours);
    }
}
