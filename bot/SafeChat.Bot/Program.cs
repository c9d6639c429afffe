using SafeChat.Bot;

var app = SafeChatApp.Build(args);
await SafeChatApp.StartAsync(app);
await app.WaitForShutdownAsync();
