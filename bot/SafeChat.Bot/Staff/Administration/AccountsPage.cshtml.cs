using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SafeChat.Bot.Staff.Administration;

/// <summary>Accounts for admins. After a reset the page itself shows the new password or secret, once: nothing redirects
/// to a page that could show it again.</summary>
public sealed class AccountsPageModel(StaffAdministration administration) : PageModel
{
    public IReadOnlyList<AccountRow> Accounts { get; private set; } = [];
    public long MyId => StaffMember.From(User).Id;
    public string? Message { get; private set; }
    public string? Done { get; private set; }
    public IssuedPassword? Password { get; private set; }
    public IssuedTotp? Totp { get; private set; }

    public Task OnGetAsync() => ListAsync();
    public Task OnPostDisableAsync(long id) => DoAsync(who => administration.DisableAsync(id, who), "Account uitgeschakeld; de sessies zijn beëindigd.");
    public Task OnPostEnableAsync(long id) => DoAsync(who => administration.EnableAsync(id, who), "Account weer ingeschakeld.");
    public Task OnPostRoleAsync(long id, string? role) => DoAsync(who => administration.ChangeRoleAsync(id, role ?? "", who), "Rol gewijzigd; de sessies zijn beëindigd.");
    public Task OnPostResetPasswordAsync(long id) => DoAsync(async who => Password = await administration.ResetPasswordAsync(id, who), null);
    public Task OnPostResetTotpAsync(long id) => DoAsync(async who => Totp = await administration.ResetTotpAsync(id, who), null);

    private async Task DoAsync(Func<StaffMember, Task> action, string? done)
    {
        try
        {
            await action(StaffMember.From(User));
            Done = done;
        }
        catch (StaffActionRefused refused)
        {
            Message = refused.Message;
        }
        await ListAsync();
    }

    private async Task ListAsync() => Accounts = await administration.ListAsync(StaffMember.From(User), HttpContext.RequestAborted);
}
