using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SafeChat.Bot.Staff.Audit;
using SafeChat.Bot.Storage;

namespace SafeChat.Bot.Staff.Accounts;

public sealed class PasswordPageModel(StaffAccounts accounts, SafeChatDbFactory databases, AuditTrail audit) : PageModel
{
    public string? Message { get; private set; }
    public string? Done { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(string? password, string? repeat)
    {
        var who = StaffMember.From(User);
        if (password != repeat)
        {
            Message = "De twee wachtwoorden zijn niet gelijk.";
            return Page();
        }
        try
        {
            await accounts.ChangePasswordAsync(who.Id, password ?? "");
        }
        catch (ArgumentException problem)
        {
            Message = problem.Message;
            return Page();
        }
        await using (var db = databases.Create())
        {
            audit.Record(db, who.Id, AuditActions.ChangedPassword);
            await db.SaveChangesAsync();
        }
        // The new password ends every other session; this one goes on with the new stamp, from its first sign-in.
        await StaffSessions.RenewAsync(HttpContext, mustChangePassword: false);
        return LocalRedirect("/staff");
    }

    /// <summary>"Sign out everywhere": every other session of this account ends; this one stays.</summary>
    public async Task<IActionResult> OnPostEndAllAsync()
    {
        await SignOutEverywhere.RunAsync(HttpContext);
        Done = "Al je andere sessies zijn beëindigd.";
        return Page();
    }
}
