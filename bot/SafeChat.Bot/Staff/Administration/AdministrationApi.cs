using SafeChat.Bot.Staff.Accounts;
using SafeChat.Bot.Staff.Api;

namespace SafeChat.Bot.Staff.Administration;

/// <summary>The administration page's actions as JSON under /staff/api/admin, for admins only (see docs/staff-api.md).</summary>
public static class AdministrationApi
{
    public sealed record RoleBody(string? Role);

    public static void MapAdministrationApi(this IEndpointRouteBuilder api)
    {
        var admin = api.MapGroup("/admin").RequireAuthorization(StaffRoles.Admins);
        admin.MapGet("/accounts", async (HttpContext c, StaffAdministration a, CancellationToken ct) => Results.Ok(await a.ListAsync(StaffApi.Who(c), ct)));

        var account = admin.MapGroup("/accounts/{id:long}").AddEndpointFilter(StaffApi.RequireCsrf);
        account.MapPost("/disable", (long id, HttpContext c, StaffAdministration a, CancellationToken ct) => StaffApi.Act(() => a.DisableAsync(id, StaffApi.Who(c), ct)));
        account.MapPost("/enable", (long id, HttpContext c, StaffAdministration a, CancellationToken ct) => StaffApi.Act(() => a.EnableAsync(id, StaffApi.Who(c), ct)));
        account.MapPost("/role", (long id, RoleBody body, HttpContext c, StaffAdministration a, CancellationToken ct) =>
            StaffApi.Act(() => a.ChangeRoleAsync(id, body.Role ?? "", StaffApi.Who(c), ct)));
        // The new password or secret is in this answer only: it is not stored readable anywhere.
        account.MapPost("/reset-password", (long id, HttpContext c, StaffAdministration a, CancellationToken ct) =>
            StaffApi.Act(async () => Results.Ok(await a.ResetPasswordAsync(id, StaffApi.Who(c), ct))));
        account.MapPost("/reset-totp", (long id, HttpContext c, StaffAdministration a, CancellationToken ct) =>
            StaffApi.Act(async () => Results.Ok(await a.ResetTotpAsync(id, StaffApi.Who(c), ct))));
    }
}
