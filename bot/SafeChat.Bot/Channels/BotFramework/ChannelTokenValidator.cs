using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace SafeChat.Bot.Channels.BotFramework;

/// <summary>
/// Bot Framework channel authentication: a bearer JWT signed (RS256) by a key from the channel's OpenID metadata,
/// issuer BotFramework:ChannelIssuer (https://api.botframework.com), audience our AppId, not expired (5 minutes' skew), a "serviceurl" claim equal to
/// the activity's serviceUrl, and a signing key endorsed for the activity's channel. The keys are read again every day,
/// and at once (at most once a minute) when a token names a key we do not know yet: the channel rolled its keys over.
/// </summary>
public sealed class ChannelTokenValidator
{
    private readonly BotFrameworkOptions _options;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _metadata;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly IDocumentRetriever _retriever;
    private readonly SemaphoreSlim _rereading = new(1, 1);
    private OpenIdConnectConfiguration? _reread;
    private DateTime _rereadAt = DateTime.MinValue;

    public ChannelTokenValidator(BotFrameworkOptions options, IHttpClientFactory httpClients)
    {
        _options = options;
        _retriever = new HttpDocumentRetriever(httpClients.CreateClient(BotFrameworkSetup.MetadataClient))
        {
            RequireHttps = !LocalAddress.IsLoopback(options.OpenIdMetadataUrl),
        };
        _metadata = new ConfigurationManager<OpenIdConnectConfiguration>(options.OpenIdMetadataUrl, new OpenIdConnectConfigurationRetriever(), _retriever)
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

        var configuration = await _metadata.GetConfigurationAsync(cancellation);
        var result = await ValidateAsync(token, configuration);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException && await ReadAgainAsync(cancellation) is { } newer)
        {
            configuration = newer;
            result = await ValidateAsync(token, configuration);
        }
        if (!result.IsValid) return result.Exception?.GetType().Name ?? "invalid token";

        var jwt = (JsonWebToken)result.SecurityToken;
        if (!jwt.TryGetPayloadValue<string>("serviceurl", out var claimed) || !SameServiceUrl(claimed, serviceUrl)) return "serviceurl claim does not match";
        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == jwt.Kid);
        if (key is null || !Endorses(key, channelId)) return "signing key not endorsed for the channel";
        return null;
    }

    /// <summary>The keys as published now, read at most once a minute; the configuration manager is told to catch up.</summary>
    private async Task<OpenIdConnectConfiguration?> ReadAgainAsync(CancellationToken cancellation)
    {
        await _rereading.WaitAsync(cancellation);
        try
        {
            if (DateTime.UtcNow - _rereadAt < TimeSpan.FromMinutes(1)) return _reread;
            _rereadAt = DateTime.UtcNow;
            _reread = await OpenIdConnectConfigurationRetriever.GetAsync(_options.OpenIdMetadataUrl, _retriever, cancellation);
            _metadata.RequestRefresh();
            return _reread;
        }
        catch (Exception unreachable) when (unreachable is IOException or HttpRequestException or InvalidOperationException)
        {
            return null;
        }
        finally
        {
            _rereading.Release();
        }
    }

    private Task<TokenValidationResult> ValidateAsync(string token, OpenIdConnectConfiguration configuration) =>
        _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = _options.ChannelIssuer,
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
