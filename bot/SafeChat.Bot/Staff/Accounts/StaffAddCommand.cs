namespace SafeChat.Bot.Staff.Accounts;

/// <summary>
/// `dotnet run --project bot/SafeChat.Bot -- staff add --email a@b.nl --role responder`: creates an account and prints
/// its one-time password and TOTP secret (to enter in an authenticator app). They are shown once only.
/// </summary>
public static class StaffAddCommand
{
    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter output)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var email = Value("--email");
        var role = Value("--role") ?? StaffRoles.Responder;
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@'))
        {
            await output.WriteLineAsync("usage: staff add --email name@example.nl --role responder|supervisor|admin");
            return 2;
        }
        var account = await services.GetRequiredService<StaffAccounts>().AddAsync(email, role);
        await output.WriteLineAsync($"Account created: {account.Email} ({account.Role})");
        await output.WriteLineAsync($"One-time password: {account.OneTimePassword}");
        await output.WriteLineAsync($"TOTP secret:       {account.TotpSecret}");
        await output.WriteLineAsync($"Authenticator URI: {account.OtpAuthUri}");
        await output.WriteLineAsync("Sign in at /staff/sign-in. Keep these safe: they are not shown again.");
        return 0;
    }
}
