using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SafeChat.Bot.Staff.Queue;

namespace SafeChat.Bot.Staff.Cases;

/// <summary>One case: every view is audited by <see cref="CaseService.ViewAsync"/>; every action goes through it too.</summary>
public sealed class CasePageModel(CaseService cases, QueueService queue) : PageModel
{
    public CaseView? View { get; private set; }
    public string? Message { get; private set; }
    public IReadOnlyList<(long Id, string Email, string Role)> Staff { get; private set; } = [];
    public bool IsSupervisor => StaffMember.From(User).IsSupervisor;

    public Task<IActionResult> OnGetAsync(long id) => ShowAsync(id);
    public Task<IActionResult> OnPostClaimAsync(long id) => DoAsync(id, who => cases.ClaimAsync(id, who));
    public Task<IActionResult> OnPostReassignAsync(long id, long staffId) => DoAsync(id, who => cases.ReassignAsync(id, staffId, who));
    public Task<IActionResult> OnPostNoteAsync(long id, string? text) => DoAsync(id, who => cases.AddNoteAsync(id, text ?? "", who));
    public Task<IActionResult> OnPostReplyAsync(long id, string? text) => DoAsync(id, who => cases.ReplyAsync(id, text ?? "", who));
    public Task<IActionResult> OnPostCallAsync(long id, bool reached) => DoAsync(id, who => cases.RecordCallAsync(id, reached, who));
    public Task<IActionResult> OnPostHandoverAsync(long id, string? organisation) => DoAsync(id, who => cases.HandOverAsync(id, organisation ?? "", who));
    public Task<IActionResult> OnPostCloseAsync(long id, string? outcome, string? text) => DoAsync(id, who => cases.CloseAsync(id, outcome, text, who));

    private async Task<IActionResult> DoAsync(long id, Func<StaffMember, Task> action)
    {
        try
        {
            await action(StaffMember.From(User));
            return Redirect($"/staff/cases/{id}");
        }
        catch (CaseActionRefused refused)
        {
            Message = refused.Message;
            return await ShowAsync(id);
        }
    }

    private async Task<IActionResult> ShowAsync(long id)
    {
        View = await cases.ViewAsync(id, StaffMember.From(User));
        if (View is null) return NotFound();
        if (IsSupervisor) Staff = await queue.StaffAsync();
        return Page();
    }
}
