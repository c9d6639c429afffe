namespace SafeChat.Bot.Staff.Accounts;

/// <summary>Responders handle cases; supervisors also reassign, see the audit log and overdue cases; admins everything.</summary>
public static class StaffRoles
{
    public const string Responder = "responder";
    public const string Supervisor = "supervisor";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Responder, Supervisor, Admin];

    /// <summary>Authorization policies by name, as endpoints and pages use them.</summary>
    public const string AnyStaff = "staff";
    public const string Supervisors = "supervisors";
    public const string Admins = "admins";

    /// <summary>Signed in, but still on the one-time password: only the password page is open.</summary>
    public const string SignedIn = "signed-in";
    public const string MustChangePasswordClaim = "safechat:must-change-password";
    public const int MinimumPasswordLength = 12;
}
