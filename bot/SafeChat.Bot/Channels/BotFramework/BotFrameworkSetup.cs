using SafeChat.Bot.Channels.DirectLine;
using SafeChat.Bot.Channels.Twilio;
using SafeChat.Dialogs.Content;

namespace SafeChat.Bot.Channels.BotFramework;

public static class BotFrameworkSetup
{
    public const string MetadataClient = "botframework-metadata";

    /// <summary>One reply, retries included, never takes longer: the connector outbox's lease is sized on it.</summary>
    public static readonly TimeSpan TotalSendTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How long asking Entra ID for SafeChat's token may take.</summary>
    public static readonly TimeSpan TokenTimeout = TimeSpan.FromSeconds(15);

    public static IServiceCollection AddBotFramework(this IServiceCollection services, BotFrameworkOptions options, string dataDirectory)
    {
        services.AddSingleton(options);
        services.AddSingleton(new BotFrameworkAddresses(KeyFile.Resolve(options.AddressKey, dataDirectory, "botframework-address.key")));
        services.AddSingleton<ChannelTokenValidator>();
        services.AddSingleton<ConnectorTokens>();
        services.AddSingleton<ConnectorClient>();
        services.AddSingleton<ConnectorSignal>();
        services.AddSingleton<ConnectorOutbox>();
        services.AddSingleton<IChannelSender>(sp => sp.GetRequiredService<ConnectorOutbox>());
        services.AddHostedService<ConnectorDispatcher>();
        services.AddSingleton<IChannelRenderer, TeamsRenderer>();
        services.AddSingleton<IChannelRenderer>(_ => new WebChatRenderer([BotFrameworkChannels.Cards]));
        services.AddSingleton<IChannelRenderer>(sp => new TextChannelRenderer(sp.GetRequiredService<ContentCatalog>(), BotFrameworkChannels.TextOnly));

        services.AddHttpClient(MetadataClient, http => http.Timeout = TimeSpan.FromSeconds(10));
        services.AddHttpClient(ConnectorTokens.HttpClientName, http => http.Timeout = TokenTimeout)
            .AddHttpMessageHandler(() => new TokenEndpointOverride(options));
        services.AddHttpClient(ConnectorClient.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false }) // a reply goes where the channel said, nowhere else
            .AddDeliveryResilience("botframework", TotalSendTimeout, perAuthority: true);
        return services;
    }
}
