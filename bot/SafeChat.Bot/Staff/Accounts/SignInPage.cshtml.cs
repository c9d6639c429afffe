using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SafeChat.Bot.Staff.Audit;
using SafeChat.Bot.Storage;

namespace SafeChat.Bot.Staff.Accounts;

public sealed class SignInPageModel(StaffAccounts accounts, SafeChatDbFactory databases, AuditTrail audit, TimeProvider clock) : PageModel
{
    public string? Message { get; private set; }
    public string? Email { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(string email, string password, string code, string? returnUrl)
    {
        Email = email;
        var (result, user) = await accounts.SignInAsync(email ?? "", password ?? "", code ?? "");
        await using (var db = databases.Create())
        {
            audit.Record(db, user?.Id, result == StaffAccounts.SignInResult.Success ? AuditActions.SignedIn : AuditActions.SignInFailed);
            await db.SaveChangesAsync();
        }
        if (result == StaffAccounts.SignInResult.LockedOut)
        {
            Message = "Te veel mislukte pogingen. Probeer het over 15 minuten opnieuw.";
            return Page();
        }
        if (result != StaffAccounts.SignInResult.Success || user is null)
        {
            Message = "Deze combinatie van e-mailadres, wachtwoord en code klopt niet.";
            return Page();
        }
        await HttpContext.SignInAsync(Principal(user.Id, user.Email, user.Role, user.MustChangePassword, StaffAccounts.Stamp(user), clock.GetUtcNow()));
        if (user.MustChangePassword) return LocalRedirect("/staff/password");
        return LocalRedirect(Url.IsLocalUrl(returnUrl) && returnUrl!.StartsWith("/staff", StringComparison.Ordinal) ? returnUrl : "/staff");
    }

    public static ClaimsPrincipal Principal(long id, string email, string role, bool mustChangePassword, string stamp, DateTimeOffset signedInAt)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Email, email),
            new(ClaimTypes.Role, role),
            new(StaffSessions.StampClaim, stamp),
            new(StaffSessions.SignedInAtClaim, signedInAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (mustChangePassword) claims.Add(new Claim(StaffRoles.MustChangePasswordClaim, "true"));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }
}
