using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace SafeChat.Bot.Channels.Twilio;

public static class TwilioSetup
{
    /// <summary>One send, retries included, never takes longer: the outbox lease is sized on it.</summary>
    public static readonly TimeSpan TotalSendTimeout = TimeSpan.FromSeconds(30);

    public static IServiceCollection AddTwilio(this IServiceCollection services, TwilioOptions options, string dataDirectory)
    {
        services.AddSingleton(options);
        services.AddSingleton(new TwilioAddresses(KeyFile.Resolve(options.AddressKey, dataDirectory, "twilio-address.key")));
        services.AddSingleton<IChannelRenderer>(sp => new TextChannelRenderer(sp.GetRequiredService<SafeChat.Dialogs.Content.ContentCatalog>(), TwilioChannels.Sms));
        services.AddSingleton<IChannelRenderer>(sp => new TextChannelRenderer(sp.GetRequiredService<SafeChat.Dialogs.Content.ContentCatalog>(), TwilioChannels.WhatsApp));
        services.AddSingleton<TwilioRestClients>();
        services.AddSingleton<TwilioMessagesClient>();
        services.AddSingleton<WhatsAppContents>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<Outbox>();
        services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<Outbox>());
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.AddHttpClient(TwilioRestClients.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false }) // as the SDK's own client
            .AddHttpMessageHandler(() => new TwilioApiAddresses(options))
            .AddResilienceHandler("twilio", pipeline =>
        {
            pipeline.AddTimeout(TotalSendTimeout);
            // Retry only what Twilio did not take: 429 and 5xx answers, and connections that never got an answer.
            // A timeout after sending is not retried here: the message may exist; the outbox decides later.
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 3,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(200),
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is HttpRequestException ||
                    args.Outcome.Result is { } r && ((int)r.StatusCode == 429 || (int)r.StatusCode >= 500)),
            });
            pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = 0.8, MinimumThroughput = 10, SamplingDuration = TimeSpan.FromSeconds(30), BreakDuration = TimeSpan.FromSeconds(10),
            });
            pipeline.AddTimeout(TimeSpan.FromSeconds(8)); // per attempt
        });
        return services;
    }
}
