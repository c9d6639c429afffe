using System.Text;
using SafeChat.Bot;
using SafeChat.Bot.Commands;
using SafeChat.Bot.Staff.Accounts;
using SafeChat.Bot.Staff.Administration;
using SafeChat.Bot.Storage;

if (args is ["triage", ..])
{
    Console.InputEncoding = Encoding.UTF8;
    using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
    var conversation = Array.IndexOf(args, "--language") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    return TriageCommand.Run(Console.In, stdout, args.Contains("--explain") ? Console.Error : null, conversation);
}

if (args is ["staff", "add" or "disable" or "enable", ..])
{
    var options = args[2..];
    var host = SafeChatApp.Build(options.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=')).ToArray());
    await DatabaseMigrator.MigrateAsync(host.Services.GetRequiredService<SafeChatDbFactory>());
    return args[1] == "add"
        ? await StaffAddCommand.RunAsync(options, host.Services, Console.Out)
        : await StaffEnableCommand.RunAsync(args[1] == "enable", options, host.Services, Console.Out);
}

if (args is ["migrate", ..])
{
    // The cluster's migration job: bring the schema up to date once, before instances start with MigrateOnStartup off.
    var host = SafeChatApp.Build(args[1..]);
    var databases = host.Services.GetRequiredService<SafeChatDbFactory>();
    await DatabaseMigrator.MigrateAsync(databases);
    Console.WriteLine($"Schema of the {databases.Provider} database is up to date.");
    return 0;
}

var app = SafeChatApp.Build(args);
await SafeChatApp.StartAsync(app);
await app.WaitForShutdownAsync();
return 0;
