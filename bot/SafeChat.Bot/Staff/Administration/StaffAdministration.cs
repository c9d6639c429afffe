using Microsoft.EntityFrameworkCore;
using SafeChat.Bot.Staff.Accounts;
using SafeChat.Bot.Staff.Audit;
using SafeChat.Bot.Storage;

namespace SafeChat.Bot.Staff.Administration;

public sealed record AccountRow(long Id, string Email, string Role, bool Disabled, bool Locked, bool MustChangePassword, DateTime CreatedAt);

/// <summary>A new one-time password, shown once.</summary>
public sealed record IssuedPassword(string Email, string OneTimePassword, DateTime ExpiresAt);

/// <summary>A new TOTP secret and the URI an authenticator app reads, shown once.</summary>
public sealed record IssuedTotp(string Email, string TotpSecret, string OtpAuthUri);

/// <summary>There is no account with that id.</summary>
public sealed class AccountNotFound() : StaffActionRefused("Dit account bestaat niet."), ITargetMissing;

/// <summary>
/// What admins do to accounts. Every change ends the account's sessions (its generation goes up) and is audited in the
/// same save, with the acting admin (none from the command line) and the target account. An admin cannot lock themself
/// out: no disabling or demoting one's own account, so an enabled admin always remains.
/// </summary>
public sealed class StaffAdministration(SafeChatDbFactory databases, StaffAccounts accounts, AuditTrail audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<AccountRow>> ListAsync(StaffMember who, CancellationToken cancellation = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = databases.Create();
        var rows = await db.StaffUsers.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellation);
        audit.Record(db, who.Id, AuditActions.ViewedAccounts);
        await db.SaveChangesAsync(cancellation);
        return rows.Select(u => new AccountRow(u.Id, u.Email, u.Role, u.Disabled, u.LockedUntil > now, u.MustChangePassword, u.CreatedAt)).ToList();
    }

    public async Task<long?> IdOfAsync(string email, CancellationToken cancellation = default)
    {
        await using var db = databases.Create();
        var normalized = email.Trim().ToLowerInvariant();
        return await db.StaffUsers.Where(u => u.Email == normalized).Select(u => (long?)u.Id).SingleOrDefaultAsync(cancellation);
    }

    public Task DisableAsync(long id, StaffMember? who, CancellationToken cancellation = default) =>
        ChangeAsync(id, who, AuditActions.DisabledAccount, user =>
        {
            if (user.Id == who?.Id) throw new StaffActionRefused("Je kunt je eigen account niet uitschakelen.");
            user.Disabled = true;
            return true;
        }, cancellation);

    public Task EnableAsync(long id, StaffMember? who, CancellationToken cancellation = default) =>
        ChangeAsync(id, who, AuditActions.EnabledAccount, user =>
        {
            user.Disabled = false;
            return true;
        }, cancellation);

    /// <summary>The old password stops working; the new one works once, for 72 hours. A lockout ends with it.</summary>
    public Task<IssuedPassword> ResetPasswordAsync(long id, StaffMember who, CancellationToken cancellation = default) =>
        ChangeAsync(id, who, AuditActions.ResetPassword, user =>
        {
            var password = accounts.IssueOneTimePassword(user);
            user.FailedSignIns = 0;
            user.LockedUntil = null;
            return new IssuedPassword(user.Email, password, user.OneTimePasswordExpiresAt!.Value);
        }, cancellation);

    public Task<IssuedTotp> ResetTotpAsync(long id, StaffMember who, CancellationToken cancellation = default) =>
        ChangeAsync(id, who, AuditActions.ResetTotp, user =>
        {
            var secret = accounts.IssueTotpSecret(user);
            return new IssuedTotp(user.Email, secret, OtpAuthUri.For(user.Email, secret));
        }, cancellation);

    public Task ChangeRoleAsync(long id, string role, StaffMember who, CancellationToken cancellation = default) =>
        ChangeAsync(id, who, AuditActions.ChangedRole, user =>
        {
            if (!StaffRoles.All.Contains(role)) throw new StaffActionRefused($"Kies een rol: {string.Join(", ", StaffRoles.All)}.");
            if (user.Id == who.Id && role != StaffRoles.Admin)
                throw new StaffActionRefused("Je kunt je eigen rol niet verlagen. Vraag een andere beheerder.");
            user.Role = role;
            return true;
        }, cancellation, describe: user => $"{user.Role} → {role}");

    /// <param name="describe">What the audit entry adds to the target account, read before the change.</param>
    private async Task<T> ChangeAsync<T>(long id, StaffMember? who, string action, Func<StaffUserRecord, T> change,
        CancellationToken cancellation, Func<StaffUserRecord, string>? describe = null)
    {
        await using var db = databases.Create();
        var user = await db.StaffUsers.SingleOrDefaultAsync(u => u.Id == id, cancellation) ?? throw new AccountNotFound();
        var detail = describe?.Invoke(user);
        var result = change(user);
        user.SessionGeneration++;
        audit.Record(db, who?.Id, action, detail: detail is null ? $"account {id}" : $"account {id}: {detail}");
        await db.SaveChangesAsync(cancellation);
        return result;
    }
}
