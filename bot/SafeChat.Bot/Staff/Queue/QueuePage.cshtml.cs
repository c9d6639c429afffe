using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SafeChat.Bot.Staff.Queue;

public sealed class QueuePageModel(QueueService queue) : PageModel
{
    public IReadOnlyList<QueueItem> Items { get; private set; } = [];
    public IReadOnlyList<Hotspot> Hotspots { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        var who = StaffMember.From(User);
        Items = await queue.OpenAsync(who, cancellation: cancellation);
        if (who.IsSupervisor) Hotspots = await queue.HotspotsAsync(cancellation);
    }
}
