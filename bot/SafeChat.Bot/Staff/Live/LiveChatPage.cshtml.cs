using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SafeChat.Bot.Live;
using SafeChat.Bot.Storage;

namespace SafeChat.Bot.Staff.Live;

/// <summary>
/// One live chat. The page reads and acts without script (form posts); live.js adds the push stream, sending without a
/// reload and the quick answers. Every read is audited by <see cref="LiveService.MessagesAsync"/>.
/// </summary>
public sealed class LiveChatPageModel(LiveService live, QuickAnswers quick) : PageModel
{
    public LiveChatRecord Chat { get; private set; } = null!;
    public LiveSummary Summary { get; private set; } = LiveSummary.Empty;
    public IReadOnlyList<LiveService.LiveMessage> Messages { get; private set; } = [];
    public IReadOnlyList<QuickAnswers.Answer> Quick => quick.All;
    public string? Message { get; private set; }
    public LiveService.MadeReport? Report { get; private set; }

    /// <summary>What the text box starts with: after a report, the code to pass on to the person.</summary>
    public string? Draft { get; private set; }

    private StaffMember Who => StaffMember.From(User);
    public bool IsSupervisor => Who.IsSupervisor;
    public bool IsHolder => Chat.Status == LiveChatStatuses.Active && Chat.HeldBy == Who.Id;
    public bool MayClose => Chat.Status != LiveChatStatuses.Closed && (IsHolder || IsSupervisor);
    public bool MayClaim => Chat.Status == LiveChatStatuses.Waiting || (Chat.Status == LiveChatStatuses.Active && !IsHolder && IsSupervisor);

    public Task<IActionResult> OnGetAsync(long id) => ShowAsync(id);
    public Task<IActionResult> OnPostClaimAsync(long id) => DoAsync(id, who => live.ClaimAsync(id, who));
    public Task<IActionResult> OnPostSendAsync(long id, string? text) => DoAsync(id, who => live.SendAsync(id, text ?? "", who));
    public Task<IActionResult> OnPostCloseAsync(long id, string? outcome) => DoAsync(id, who => live.CloseAsync(id, outcome, who));

    public async Task<IActionResult> OnPostReportAsync(long id, bool consent, string? description)
    {
        try
        {
            Report = await live.ReportAsync(id, consent, description, Who);
            Draft = $"Je melding staat erin. Je code is {Report.Code}: stuur later 'status {Report.Code}' in deze chat om te zien wat we ermee doen.";
        }
        catch (LiveChatNotFound)
        {
            return NotFound();
        }
        catch (StaffActionRefused refused)
        {
            Message = refused.Message;
        }
        return await ShowAsync(id);
    }

    private async Task<IActionResult> DoAsync(long id, Func<StaffMember, Task> action)
    {
        try
        {
            await action(Who);
            return Redirect($"/staff/live/{id}");
        }
        catch (LiveChatNotFound)
        {
            return NotFound();
        }
        catch (StaffActionRefused refused)
        {
            Message = refused.Message;
            return await ShowAsync(id);
        }
    }

    private async Task<IActionResult> ShowAsync(long id)
    {
        if (await live.FindAsync(id) is not { } chat) return NotFound();
        Chat = chat;
        Summary = LiveSummary.Parse(chat.Summary);
        Messages = await live.MessagesAsync(id, 0, Who);
        return Page();
    }
}
