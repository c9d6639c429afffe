using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SafeChat.Bot.Staff.Queue;

public sealed class OverduePageModel(QueueService queue) : PageModel
{
    public IReadOnlyList<QueueItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation) =>
        Items = await queue.OpenAsync(StaffMember.From(User), overdueOnly: true, cancellation);
}
