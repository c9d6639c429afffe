using System.Text;
using SafeChat.Bot;
using SafeChat.Bot.Commands;

if (args is ["triage", ..])
{
    Console.InputEncoding = Encoding.UTF8;
    using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
    return TriageCommand.Run(Console.In, stdout, args.Contains("--explain") ? Console.Error : null);
}

var app = SafeChatApp.Build(args);
await SafeChatApp.StartAsync(app);
await app.WaitForShutdownAsync();
return 0;
