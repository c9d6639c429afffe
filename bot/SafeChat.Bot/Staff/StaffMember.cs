using System.Security.Claims;
using SafeChat.Bot.Staff.Accounts;

namespace SafeChat.Bot.Staff;

/// <summary>The signed-in staff member, as the cookie says.</summary>
public sealed record StaffMember(long Id, string Email, string Role)
{
    public bool IsSupervisor => Role is StaffRoles.Supervisor or StaffRoles.Admin;

    public static StaffMember From(ClaimsPrincipal user) => new(
        long.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!, System.Globalization.CultureInfo.InvariantCulture),
        user.FindFirstValue(ClaimTypes.Email)!,
        user.FindFirstValue(ClaimTypes.Role)!);
}

/// <summary>Why a staff action was refused, in words staff can act on (the API answers 409).</summary>
public class StaffActionRefused(string reason) : Exception(reason);

/// <summary>The action names something that does not exist (the API answers 404).</summary>
public interface ITargetMissing;

/// <summary>Why a case action was refused, in words staff can act on.</summary>
public class CaseActionRefused(string reason) : StaffActionRefused(reason);

/// <summary>There is no case with that id.</summary>
public sealed class CaseNotFound() : CaseActionRefused("Deze zaak bestaat niet."), ITargetMissing;
