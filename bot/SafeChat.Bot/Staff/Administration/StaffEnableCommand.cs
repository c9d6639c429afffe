namespace SafeChat.Bot.Staff.Administration;

/// <summary>
/// `staff disable --email a@b.nl` and `staff enable --email a@b.nl`, next to `staff add`: for the operator when no admin
/// can sign in. Audited like the page's actions, with no acting staff member ("systeem").
/// </summary>
public static class StaffEnableCommand
{
    public static async Task<int> RunAsync(bool enable, string[] args, IServiceProvider services, TextWriter output)
    {
        var email = args.SkipWhile(a => a != "--email").Skip(1).FirstOrDefault();
        if (string.IsNullOrWhiteSpace(email))
        {
            await output.WriteLineAsync("usage: staff disable|enable --email name@example.nl");
            return 2;
        }
        var administration = services.GetRequiredService<StaffAdministration>();
        if (await administration.IdOfAsync(email) is not { } id)
        {
            await output.WriteLineAsync($"No account for {email}.");
            return 1;
        }
        if (enable) await administration.EnableAsync(id, who: null);
        else await administration.DisableAsync(id, who: null);
        await output.WriteLineAsync(enable ? $"Enabled: {email}" : $"Disabled: {email}; its sessions have ended.");
        return 0;
    }
}
