using Microsoft.EntityFrameworkCore;
using SafeChat.Bot.Staff.Audit;
using SafeChat.Bot.Storage;

namespace SafeChat.Bot.Staff.Accounts;

/// <summary>
/// "Sign out everywhere": the account's session generation goes up, so every session (a forgotten one on a shared
/// computer, a copied cookie) ends at its next request; the one that asked goes on under the new stamp.
/// </summary>
public static class SignOutEverywhere
{
    public static async Task RunAsync(HttpContext http)
    {
        var services = http.RequestServices;
        var who = StaffMember.From(http.User);
        await using (var db = services.GetRequiredService<SafeChatDbFactory>().Create())
        {
            var user = await db.StaffUsers.SingleAsync(u => u.Id == who.Id, http.RequestAborted);
            user.SessionGeneration++;
            services.GetRequiredService<AuditTrail>().Record(db, who.Id, AuditActions.EndedAllSessions);
            await db.SaveChangesAsync(http.RequestAborted);
        }
        await StaffSessions.RenewAsync(http, http.User.HasClaim(c => c.Type == StaffRoles.MustChangePasswordClaim));
    }
}
