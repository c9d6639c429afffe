using SafeChat.Bot.Channels.BotFramework;
using SafeChat.Bot.Security;
using SafeChat.Bot.Channels;
using SafeChat.Bot.Channels.DirectLine;
using SafeChat.Bot.Channels.Twilio;
using SafeChat.Bot.Channels.WebChat;
using SafeChat.Bot.Conversations;
using SafeChat.Bot.Security.KeyRing;
using SafeChat.Bot.Health;
using SafeChat.Bot.Observability;
using SafeChat.Bot.Reports;
using SafeChat.Bot.Staff;
using SafeChat.Dialogs.Reports;
using SafeChat.Bot.Storage;
using SafeChat.Dialogs.Content;
using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Flows;

namespace SafeChat.Bot;

/// <summary>Composes the host: storage, the engine, the channels and the pages. Tests build it the same way.</summary>
public static class SafeChatApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            // Pages are found in the application's assembly; under a test runner the entry assembly is another one.
            ApplicationName = typeof(SafeChatApp).Assembly.GetName().Name,
        });
        // SQL text and framework chatter stay out of the logs; SafeChat's own lines say what matters.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning); // request URLs carry account ids
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        var services = builder.Services;
        var config = builder.Configuration;

        var storage = config.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
        storage.ConnectionString ??= config.GetConnectionString("SafeChat");
        var directLine = config.GetSection("DirectLine").Get<DirectLineOptions>() ?? new DirectLineOptions();
        if (directLine.SecretProblem() is { } secretProblem) throw new InvalidOperationException(secretProblem);
        // The data folder is relative to where SafeChat is started (./data), not to the build output.
        var dataDirectory = Path.GetFullPath(storage.DataDirectory, Environment.CurrentDirectory);
        storage.DataDirectory = dataDirectory;

        services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(storage);
        services.AddSingleton(new SafeChatDbFactory(storage, dataDirectory));
        services.AddSingleton(directLine);
        services.AddSingleton(config.GetSection("WebChat").Get<WebChatOptions>() ?? new WebChatOptions());

        var content = ContentCatalog.LoadEmbedded(EnabledLanguages(config));
        services.AddSingleton(content);
        services.AddSingleton<ConversationEngine>(sp => SafeChatFlows.CreateEngine(content, sp.GetRequiredService<IReportBook>(),
            sp.GetRequiredService<SafeChat.Dialogs.Live.ILiveDesk>()));
        var handover = config.GetSection("Handover").Get<SafeChat.Bot.Live.HandoverOptions>() ?? new SafeChat.Bot.Live.HandoverOptions();
        _ = handover.StaffedHours; // a wrong Handover:Hours stops the start, with its reason
        services.AddSingleton(handover);
        services.AddSingleton(SafeChat.Bot.Staff.Live.QuickAnswers.Load(handover.QuickAnswers));
        services.AddSingleton<SafeChat.Dialogs.Live.ILiveDesk, SafeChat.Bot.Live.LiveDesk>();
        services.AddSingleton<MessageDelivery>();
        services.AddSingleton<ChannelSenders>();
        services.AddSingleton<SafeChat.Bot.Live.LiveTyping>();

        var queue = config.GetSection("Queue").Get<QueueOptions>() ?? new QueueOptions();
        if (queue.WebhookProblem(builder.Environment.IsDevelopment()) is { } webhookProblem) throw new InvalidOperationException(webhookProblem);
        services.AddSingleton(queue);
        services.AddSingleton<WorkingHours>();
        services.AddSingleton<ContactProtector>();
        services.AddSingleton<ReportWriter>();
        services.AddSingleton<IReportBook, DbReportBook>();
        // Keys for contact details live outside the database, encrypted; a cluster points every instance at the same folder.
        services.AddSafeChatDataProtection(config, dataDirectory, builder.Environment.IsDevelopment());

        services.AddSafeChatTelemetry(config);
        services.AddSingleton<ActivitySignals>();
        services.AddSingleton<ActivityPollCache>();
        services.AddSingleton<KnownConversations>();
        services.AddSingleton<RecentActivities>();
        services.AddSingleton<ConversationLocks>();
        services.AddSingleton<TurnQueue>();
        services.AddSingleton<EngineReadiness>();
        services.AddSingleton<UrgentMessages>();
        services.AddSingleton<ConversationStore>();
        services.AddSingleton<TurnProcessor>();
        // First of all hosted services, so it stops last: after the web server has finished its last requests, every turn
        // those requests queued is still run before the process exits.
        services.Insert(0, ServiceDescriptor.Singleton<IHostedService, TurnWorker>());
        services.AddHostedService<PendingTurnSweeper>();
        services.AddHostedService<EngineWarmUp>();
        services.AddHostedService<SafeChat.Bot.Health.NativeMemoryTrim>();
        if (storage.Provider == StorageProvider.Postgres)
            services.AddHostedService<SafeChat.Bot.Conversations.Cluster.PostgresActivityBus>();

        services.AddStaff(builder.Environment.IsDevelopment());
        services.AddSingleton(config.GetSection("Retention").Get<SafeChat.Bot.Privacy.RetentionOptions>() ?? new SafeChat.Bot.Privacy.RetentionOptions());
        services.AddSingleton<SafeChat.Bot.Privacy.RetentionJob>();
        services.AddSingleton<SafeChat.Bot.Privacy.Erasure>();
        services.AddHostedService(sp => sp.GetRequiredService<SafeChat.Bot.Privacy.RetentionJob>());
        services.AddTwilio(config.GetSection("Twilio").Get<TwilioOptions>() ?? new TwilioOptions(), dataDirectory);
        services.AddSingleton<IChannelRenderer>(_ => new WebChatRenderer());
        services.AddBotFramework(config.GetSection("BotFramework").Get<SafeChat.Bot.Channels.BotFramework.BotFrameworkOptions>() ?? new SafeChat.Bot.Channels.BotFramework.BotFrameworkOptions(), dataDirectory);
        services.AddSingleton<ChannelRenderers>();
        services.AddSingleton(sp => new DirectLineTokens(
            SigningKeySource.Resolve(directLine, dataDirectory), directLine.TokenLifetime, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<DirectLineAuthenticator>();
        services.AddSingleton<StreamUrls>();
        services.AddSingleton<EmptyPolls>();
        services.AddSingleton<TurnWait>();
        services.AddSafeChatRateLimits(config.GetSection("RateLimits").Get<SafeChat.Bot.Security.RateLimitOptions>() ?? new SafeChat.Bot.Security.RateLimitOptions());

        // Last, so a test (or an embedding host) can replace any registration above.
        configure?.Invoke(builder);
        var app = builder.Build();
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseDatabaseOutageAnswers();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.UseStaticFiles();
        app.UseStaffOverHttps();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapStaff();
        app.MapWebChatPage();
        app.MapDirectLine();
        app.MapTwilio();
        app.MapBotFramework();
        app.MapHealth();
        return app;
    }

    /// <summary>Applies migrations, then serves until stopped.</summary>
    public static async Task StartAsync(WebApplication app)
    {
        var databases = app.Services.GetRequiredService<SafeChatDbFactory>();
        if (app.Services.GetRequiredService<StorageOptions>().MigrateOnStartup)
            await DatabaseMigrator.MigrateAsync(databases);
        await app.StartAsync();
        app.Logger.LogInformation("SafeChat is running on {Storage}. Web chat: {Urls}", databases.Description, string.Join(", ", app.Urls));
    }

    /// <summary><c>Languages:Enabled</c> as a list ("nl,en") or as array entries; empty offers every language module.</summary>
    private static string[] EnabledLanguages(IConfiguration config)
    {
        var section = config.GetSection("Languages:Enabled");
        var values = section.Value is { } list ? list.Split(',') : section.GetChildren().Select(c => c.Value ?? "").ToArray();
        return values.Select(v => v.Trim().ToLowerInvariant()).Where(v => v.Length > 0).ToArray();
    }
}
