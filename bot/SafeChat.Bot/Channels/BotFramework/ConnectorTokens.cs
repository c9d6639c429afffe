using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace SafeChat.Bot.Channels.BotFramework;

/// <summary>
/// SafeChat's own token for the Bot Connector service, from Microsoft.Identity.Client: client credentials for a
/// MultiTenant bot (tenant botframework.com) or a SingleTenant one (its tenant), or the user-assigned managed identity.
/// MSAL keeps the token in memory until shortly before it expires.
/// </summary>
public sealed class ConnectorTokens
{
    public const string HttpClientName = "botframework-token";
    private readonly Func<bool, CancellationToken, Task<string>> _acquire;

    public ConnectorTokens(BotFrameworkOptions options, IHttpClientFactory httpClients)
    {
        var http = new MsalHttpClients(httpClients);
        if (!options.Enabled)
        {
            _acquire = (_, _) => throw new InvalidOperationException("The Bot Framework channel is off (no BotFramework:AppId).");
            return;
        }
        if (options.AppType == BotAppType.UserAssignedMSI)
        {
            var identity = ManagedIdentityApplicationBuilder.Create(ManagedIdentityId.WithUserAssignedClientId(options.AppId))
                .WithHttpClientFactory(http).Build();
            _acquire = async (fresh, cancellation) =>
                (await identity.AcquireTokenForManagedIdentity(options.ConnectorResource).WithForceRefresh(fresh).ExecuteAsync(cancellation)).AccessToken;
            return;
        }
        var tenant = options.AppType == BotAppType.SingleTenant
            ? options.TenantId ?? throw new InvalidOperationException("BotFramework:TenantId is required for a SingleTenant bot.")
            : BotFrameworkOptions.MultiTenantAuthority;
        var builder = ConfidentialClientApplicationBuilder.Create(options.AppId)
            .WithClientSecret(options.AppPassword ?? throw new InvalidOperationException("BotFramework:AppPassword is required unless AppType is UserAssignedMSI."))
            .WithAuthority($"{options.AuthorityHost.TrimEnd('/')}/{tenant}")
            .WithHttpClientFactory(http);
        if (options.TokenEndpoint is not null) builder = builder.WithInstanceDiscovery(false); // the token URL is given: ask nobody else
        var application = builder.Build();
        _acquire = async (fresh, cancellation) =>
            (await application.AcquireTokenForClient([options.ConnectorScope]).WithForceRefresh(fresh).ExecuteAsync(cancellation)).AccessToken;
    }

    /// <param name="fresh">Not the cached token: the connector refused it (401).</param>
    public Task<string> GetAsync(CancellationToken cancellation, bool fresh = false) => _acquire(fresh, cancellation);

    /// <summary>MSAL's HTTP on IHttpClientFactory (the token URL override and timeouts live on that client).</summary>
    private sealed class MsalHttpClients(IHttpClientFactory httpClients) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => httpClients.CreateClient(HttpClientName);
    }
}

/// <summary>Sends MSAL's token request to BotFramework:TokenEndpoint when one is set (sovereign clouds, local stand-ins).</summary>
public sealed class TokenEndpointOverride(BotFrameworkOptions options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (options.TokenEndpoint is { } endpoint && request.RequestUri?.AbsolutePath.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal) == true)
            request.RequestUri = new Uri(endpoint);
        return base.SendAsync(request, cancellationToken);
    }
}
