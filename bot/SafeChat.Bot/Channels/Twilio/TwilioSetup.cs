
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
            .AddDeliveryResilience("twilio", TotalSendTimeout);
        return services;
    }
}
