using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace SafeChat.Bot.Channels.BotFramework;

/// <summary>
/// Bot Framework channel authentication: a bearer JWT signed (RS256) by a key from the channel's OpenID metadata,
/// issuer https://api.botframework.com, audience our AppId, not expired (5 minutes' skew), a "serviceurl" claim equal to
/// the activity's serviceUrl, and a signing key endorsed for the activity's channel. Keys are refreshed when a token
/// names one we do not know yet (at most once a minute, by the configuration manager) and every day.
/// </summary>
public sealed class ChannelTokenValidator
{
    private readonly BotFrameworkOptions _options;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _metadata;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public ChannelTokenValidator(BotFrameworkOptions options, IHttpClientFactory httpClients)
    {
        _options = options;
        var retriever = new HttpDocumentRetriever(httpClients.CreateClient(BotFrameworkSetup.MetadataClient))
        {
            RequireHttps = !LocalAddress.IsLoopback(options.OpenIdMetadataUrl),
        };
        _metadata = new ConfigurationManager<OpenIdConnectConfiguration>(options.OpenIdMetadataUrl, new OpenIdConnectConfigurationRetriever(), retriever)
        {
            AutomaticRefreshInterval = TimeSpan.FromDays(1),
            RefreshInterval = TimeSpan.FromMinutes(1),
        };
    }

    /// <summary>Null when the request may pass; otherwise why not (for the log, never for the caller).</summary>
    public async Task<string?> RefuseAsync(string? authorization, string? channelId, string? serviceUrl, CancellationToken cancellation)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return "no bearer token";
        if (string.IsNullOrEmpty(channelId) || string.IsNullOrEmpty(serviceUrl)) return "no channel or service URL";
        var token = authorization["Bearer ".Length..].Trim();

        var result = await ValidateAsync(token, await _metadata.GetConfigurationAsync(cancellation));
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            _metadata.RequestRefresh(); // a key rolled over since we last looked
            result = await ValidateAsync(token, await _metadata.GetConfigurationAsync(cancellation));
        }
        if (!result.IsValid) return result.Exception?.GetType().Name ?? "invalid token";

        var jwt = (JsonWebToken)result.SecurityToken;
        if (!jwt.TryGetPayloadValue<string>("serviceurl", out var claimed) || !SameServiceUrl(claimed, serviceUrl)) return "serviceurl claim does not match";
        var configuration = await _metadata.GetConfigurationAsync(cancellation);
        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == jwt.Kid);
        if (key is null || !Endorses(key, channelId)) return "signing key not endorsed for the channel";
        return null;
    }

    private Task<TokenValidationResult> ValidateAsync(string token, OpenIdConnectConfiguration configuration) =>
        _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = BotFrameworkOptions.ChannelIssuer,
            ValidAudience = _options.AppId,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromMinutes(5),
        });

    private static bool Endorses(JsonWebKey key, string channelId) =>
        key.AdditionalData.TryGetValue("endorsements", out var value) && value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Any(e => e.ValueKind == JsonValueKind.String && e.GetString() == channelId),
            IEnumerable<object> list => list.Any(e => e?.ToString() == channelId),
            _ => false,
        };

    /// <summary>Channels differ in a trailing slash; nothing else.</summary>
    private static bool SameServiceUrl(string claimed, string given) =>
        string.Equals(claimed.TrimEnd('/'), given.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}
