using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace SafeChat.Bot.Staff.Accounts;

/// <summary>
/// When a staff session ends besides 30 minutes without use: after <see cref="AbsoluteLifetime"/> whatever happens, and
/// at once when the account's security stamp changed (a new password, another role, disabled, "sign out everywhere") or
/// the account is gone.
/// </summary>
public static class StaffSessions
{
    public const string StampClaim = "safechat:stamp", SignedInAtClaim = "safechat:signed-in-at";

    /// <summary>A working day: a session never outlives it, however active.</summary>
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(10);

    public static DateTimeOffset? SignedInAt(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirstValue(SignedInAtClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    /// <summary>Checked on every staff request that carries a session cookie.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var user = context.Principal!;
        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var valid = SignedInAt(user) is { } at && now - at < AbsoluteLifetime
                    && long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                    && user.FindFirstValue(StampClaim) is { } stamp
                    && await services.GetRequiredService<StaffAccounts>().StampAsync(id, context.HttpContext.RequestAborted) == stamp;
        if (valid) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    /// <summary>Keeps this session after a change that ended every other one: the same sign-in time, the account's new stamp.</summary>
    public static async Task RenewAsync(HttpContext http, bool mustChangePassword)
    {
        var who = StaffMember.From(http.User);
        var services = http.RequestServices;
        var stamp = await services.GetRequiredService<StaffAccounts>().StampAsync(who.Id, http.RequestAborted) ?? "";
        var signedInAt = SignedInAt(http.User) ?? services.GetRequiredService<TimeProvider>().GetUtcNow();
        await http.SignInAsync(SignInPageModel.Principal(who.Id, who.Email, who.Role, mustChangePassword, stamp, signedInAt));
    }
}
