using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SafeChat.Bot.Live;

namespace SafeChat.Bot.Staff.Live;

/// <summary>The live inbox: who waits (danger on top, then longest waiting), the member's own chats, and for
/// supervisors the chats others hold (they may take one over).</summary>
public sealed class LiveInboxPageModel(LiveService live, TimeProvider clock) : PageModel
{
    public IReadOnlyList<LiveService.LiveItem> Waiting { get; private set; } = [];
    public IReadOnlyList<LiveService.LiveItem> Mine { get; private set; } = [];
    public IReadOnlyList<LiveService.LiveItem> Others { get; private set; } = [];
    public string? Message { get; private set; }
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task OnGetAsync(CancellationToken cancellation) => LoadAsync(cancellation);

    public async Task<IActionResult> OnPostClaimAsync(long id, CancellationToken cancellation)
    {
        try
        {
            await live.ClaimAsync(id, StaffMember.From(User), cancellation);
            return Redirect($"/staff/live/{id}");
        }
        catch (StaffActionRefused refused)
        {
            Message = refused.Message;
            await LoadAsync(cancellation);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancellation)
    {
        var who = StaffMember.From(User);
        var all = await live.ListAsync(cancellation);
        Waiting = [.. all.Where(l => l.Status == LiveChatStatuses.Waiting)];
        Mine = [.. all.Where(l => l.Status == LiveChatStatuses.Active && l.HeldBy == who.Id)];
        if (who.IsSupervisor) Others = [.. all.Where(l => l.Status == LiveChatStatuses.Active && l.HeldBy != who.Id)];
    }
}
