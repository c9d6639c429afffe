using System.Diagnostics;
using System.Text.RegularExpressions;

namespace SafeChat.Testing;

/// <summary>
/// `staff add` as an operator runs it against a running cluster's database: a separate process with the instances'
/// settings (storage and key ring), whose printed one-time password and TOTP secret are the only way in.
/// </summary>
public static partial class StaffCommand
{
    public sealed record Account(string Email, string OneTimePassword, string TotpSecret);

    public static async Task<Account> AddAsync(IEnumerable<string> settings, string workingDirectory, string email, string role)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "SafeChat.Bot.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "staff", "add", "--email", email, "--role", role, .. settings])
        {
            WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var printed = await output;
        if (process.ExitCode != 0) throw new InvalidOperationException($"staff add exited with {process.ExitCode}:\n{printed}\n{await errors}");
        return new Account(email, Printed(printed, OneTimePassword()), Printed(printed, TotpSecret()));
    }

    private static string Printed(string output, Regex line) =>
        line.Match(output) is { Success: true } found ? found.Groups[1].Value : throw new InvalidOperationException("staff add printed:\n" + output);

    [GeneratedRegex(@"One-time password: (\S+)")]
    private static partial Regex OneTimePassword();

    [GeneratedRegex(@"TOTP secret:\s+(\S+)")]
    private static partial Regex TotpSecret();
}
