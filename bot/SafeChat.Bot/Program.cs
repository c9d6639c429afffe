using System.Text;
using SafeChat.Bot;
using SafeChat.Bot.Commands;
using SafeChat.Bot.Staff.Accounts;
using SafeChat.Bot.Storage;

if (args is ["triage", ..])
{
    Console.InputEncoding = Encoding.UTF8;
    using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
    return TriageCommand.Run(Console.In, stdout, args.Contains("--explain") ? Console.Error : null);
}

if (args is ["staff", "add", ..])
{
    var options = args[2..];
    var host = SafeChatApp.Build(options.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=')).ToArray());
    await DatabaseMigrator.MigrateAsync(host.Services.GetRequiredService<SafeChatDbFactory>());
    return await StaffAddCommand.RunAsync(options, host.Services, Console.Out);
}

var app = SafeChatApp.Build(args);
await SafeChatApp.StartAsync(app);
await app.WaitForShutdownAsync();
return 0;
