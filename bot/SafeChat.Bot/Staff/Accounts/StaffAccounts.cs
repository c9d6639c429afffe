using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using SafeChat.Bot.Reports;
using SafeChat.Bot.Storage;

namespace SafeChat.Bot.Staff.Accounts;

/// <summary>
/// Local staff accounts: a hashed password (ASP.NET Core Identity's PBKDF2 hasher) plus a TOTP second factor,
/// and a lockout after repeated failures.
/// </summary>
public sealed class StaffAccounts(SafeChatDbFactory databases, ContactProtector protector, TimeProvider clock)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);

    /// <summary>A printed password lies around (a note, a mail): after this it no longer works and an admin must reset it.</summary>
    public static readonly TimeSpan OneTimePasswordLifetime = TimeSpan.FromHours(72);
    private static readonly PasswordHasher<StaffUserRecord> Hasher = new();

    /// <summary>An address nobody has: unknown e-mails are checked against it, so they take as long as known ones.</summary>
    private static readonly StaffUserRecord Nobody = new() { Email = "", PasswordHash = "", TotpSecretProtected = "", Role = "" };
    private static readonly string NobodysHash = Hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));

    /// <summary>Failures for e-mails that have no account, counted like real ones, so lockout does not tell which exist.
    /// In memory and bounded: per instance, forgotten at a restart.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (int Failures, DateTime? LockedUntil)> _unknown = new();
    private const int MaxUnknownTracked = 10_000;

    public sealed record NewAccount(long Id, string Email, string Role, string OneTimePassword, string TotpSecret)
    {
        public string OtpAuthUri => Accounts.OtpAuthUri.For(Email, TotpSecret);
    }

    public async Task<NewAccount> AddAsync(string email, string role, CancellationToken cancellation = default)
    {
        if (!StaffRoles.All.Contains(role)) throw new ArgumentException($"Role must be one of: {string.Join(", ", StaffRoles.All)}.");
        email = email.Trim().ToLowerInvariant();
        var user = new StaffUserRecord
        {
            Email = email, Role = role, PasswordHash = "", TotpSecretProtected = "", CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var password = IssueOneTimePassword(user);
        var secret = IssueTotpSecret(user);
        await using var db = databases.Create();
        db.StaffUsers.Add(user);
        await db.SaveChangesAsync(cancellation);
        return new NewAccount(user.Id, email, role, password, secret);
    }

    /// <summary>A new printed password that works once, for <see cref="OneTimePasswordLifetime"/>; the old password stops working.</summary>
    public string IssueOneTimePassword(StaffUserRecord user)
    {
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('/', 'x').Replace('+', 'y');
        user.PasswordHash = Hasher.HashPassword(user, password);
        user.MustChangePassword = true;
        user.OneTimePasswordExpiresAt = clock.GetUtcNow().UtcDateTime + OneTimePasswordLifetime;
        return password;
    }

    /// <summary>A new TOTP secret: codes from the old one stop working, and no step has been used yet.</summary>
    public string IssueTotpSecret(StaffUserRecord user)
    {
        var secret = Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));
        user.TotpSecretProtected = protector.Protect(secret);
        user.LastTotpStep = null;
        return secret;
    }

    /// <summary>Accounts made before the expiry column count from their creation, when `staff add` printed the password.</summary>
    private static bool OneTimePasswordExpired(StaffUserRecord user, DateTime now) =>
        user.MustChangePassword && (user.OneTimePasswordExpiresAt ?? user.CreatedAt + OneTimePasswordLifetime) <= now;

    public enum SignInResult { Success, Failed, LockedOut }

    /// <summary>
    /// A session's security stamp: it changes when the password, the role, the one-time-password state, the disabled flag
    /// or the session generation changes, and every session that carries an older one ends at its next request (a stolen
    /// cookie too). The generation only goes up, so undoing a change (re-enabling, the old role back) revives no session.
    /// </summary>
    public static string Stamp(StaffUserRecord user) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
            $"{user.PasswordHash}|{user.Role}|{user.MustChangePassword}|{user.Disabled}|{user.SessionGeneration}")))[..24];

    /// <summary>The current stamp of an account, or null when the account is gone.</summary>
    public async Task<string?> StampAsync(long id, CancellationToken cancellation = default)
    {
        await using var db = databases.Create();
        var user = await db.StaffUsers.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellation);
        return user is null ? null : Stamp(user);
    }

    public async Task ChangePasswordAsync(long id, string newPassword, CancellationToken cancellation = default)
    {
        if (newPassword.Length < StaffRoles.MinimumPasswordLength)
            throw new ArgumentException($"Kies een wachtwoord van minstens {StaffRoles.MinimumPasswordLength} tekens.");
        await using var db = databases.Create();
        var user = await db.StaffUsers.SingleAsync(u => u.Id == id, cancellation);
        if (OneTimePasswordExpired(user, clock.GetUtcNow().UtcDateTime))
            throw new ArgumentException("Het eenmalige wachtwoord is verlopen. Vraag een beheerder om een nieuw.");
        if (Hasher.VerifyHashedPassword(user, user.PasswordHash, newPassword) != PasswordVerificationResult.Failed)
            throw new ArgumentException("Kies een ander wachtwoord dan het eenmalige.");
        user.PasswordHash = Hasher.HashPassword(user, newPassword);
        user.MustChangePassword = false;
        user.OneTimePasswordExpiresAt = null;
        await db.SaveChangesAsync(cancellation);
    }

    /// <summary>An e-mail without an account: the same work, the same answers, the same lockout as a real one.</summary>
    private SignInResult UnknownFailed(string email, string password, DateTime now)
    {
        Hasher.VerifyHashedPassword(Nobody, NobodysHash, password);
        if (_unknown.Count > MaxUnknownTracked) _unknown.Clear();
        var (failures, lockedUntil) = _unknown.GetValueOrDefault(email);
        if (lockedUntil > now) return SignInResult.LockedOut;
        failures++;
        _unknown[email] = failures >= MaxFailures ? (0, now + Lockout) : (failures, null);
        return failures >= MaxFailures ? SignInResult.LockedOut : SignInResult.Failed;
    }

    /// <summary>Checks password and code together, so a failure does not reveal which one was wrong.</summary>
    public async Task<(SignInResult Result, StaffUserRecord? User)> SignInAsync(string email, string password, string code, CancellationToken cancellation = default)
    {
        await using var db = databases.Create();
        var user = await db.StaffUsers.SingleOrDefaultAsync(u => u.Email == email.Trim().ToLowerInvariant(), cancellation);
        var now = clock.GetUtcNow().UtcDateTime;
        if (user is null) return (UnknownFailed(email.Trim().ToLowerInvariant(), password, now), null);
        // The account comes back on a failure too, so the failure is audited against it; the page tells nothing more.
        if (user.LockedUntil > now) return (SignInResult.LockedOut, user);

        // An expired one-time password, or a disabled account, fails after the same work as a wrong password, with its answer.
        var passwordOk = Hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed
                         && !OneTimePasswordExpired(user, now) && !user.Disabled;
        var totp = new Totp(Base32Encoding.ToBytes(protector.Unprotect(user.TotpSecretProtected)));
        // A code works once: one seen before (read over a shoulder, replayed) is refused within its window too.
        var codeOk = totp.VerifyTotp(now, code.Trim(), out var step, VerificationWindow.RfcSpecifiedNetworkDelay)
                     && (user.LastTotpStep is not { } last || step > last);
        if (passwordOk && codeOk)
        {
            user.FailedSignIns = 0;
            user.LockedUntil = null;
            user.LastTotpStep = step;
            await db.SaveChangesAsync(cancellation);
            return (SignInResult.Success, user);
        }
        user.FailedSignIns++;
        if (user.FailedSignIns >= MaxFailures)
        {
            user.LockedUntil = now + Lockout;
            user.FailedSignIns = 0;
        }
        await db.SaveChangesAsync(cancellation);
        return (user.LockedUntil > now ? SignInResult.LockedOut : SignInResult.Failed, user);
    }
}
