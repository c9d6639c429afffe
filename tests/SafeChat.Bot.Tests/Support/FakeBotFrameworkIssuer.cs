using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SafeChat.Bot.Tests.Support;

/// <summary>
/// The edge of the world for Azure Bot Service: a local stand-in for the Bot Framework's token issuer (OpenID metadata,
/// its signing keys with their channel endorsements, tokens for the channel) and for Entra ID's token endpoint, where
/// SafeChat asks for its own token with client credentials.
/// </summary>
public sealed class FakeBotFrameworkIssuer : IAsyncDisposable
{
    public const string ChannelIssuer = "https://api.botframework.com";
    public const string ChannelKeyId = "channel-key-1";

    private readonly WebApplication _app;
    public string BaseUrl { get; private init; } = "";
    public string MetadataUrl => BaseUrl + "/v1/.well-known/openidconfiguration";
    public string TokenUrl => BaseUrl + "/botframework.com/oauth2/v2.0/token";

    /// <summary>The channel's signing key, in the JWKS, endorsed for the channels listed.</summary>
    public RsaSecurityKey ChannelKey { get; } = NewKey(ChannelKeyId);
    public static readonly string[] Endorsed = ["msteams", "telegram", "directline", "email"];

    /// <summary>In the JWKS but endorsed only for Skype.</summary>
    public RsaSecurityKey SkypeOnlyKey { get; } = NewKey("skype-key");

    /// <summary>Entra ID's key for the tokens SafeChat gets for the connector.</summary>
    public RsaSecurityKey ConnectorKey { get; } = NewKey("entra-key");

    /// <summary>The client secret Entra ID knows for the bot.</summary>
    public string ClientSecret { get; init; } = "test-client-secret";

    /// <summary>Keys published after a rollover (endorsed like the first).</summary>
    public ConcurrentQueue<RsaSecurityKey> RolledKeys { get; } = new();

    /// <summary>The channel rolls its keys over: a new key is published, tokens signed with it come next.</summary>
    public RsaSecurityKey RollOver()
    {
        var key = NewKey($"channel-key-{RolledKeys.Count + 2}");
        RolledKeys.Enqueue(key);
        return key;
    }

    /// <summary>The client-credential requests SafeChat made (client_id, scope).</summary>
    public ConcurrentQueue<(string ClientId, string Scope, string Secret)> TokenRequests { get; } = new();

    private FakeBotFrameworkIssuer(WebApplication app) => _app = app;

    public static async Task<FakeBotFrameworkIssuer> StartAsync()
    {
        FakeBotFrameworkIssuer issuer = null!;
        var (app, baseUrl) = await LoopbackServer.StartAsync(app => Map(app, () => issuer));
        issuer = new FakeBotFrameworkIssuer(app) { BaseUrl = baseUrl };
        return issuer;
    }

    private static void Map(WebApplication app, Func<FakeBotFrameworkIssuer> current)
    {
        app.MapGet("/v1/.well-known/openidconfiguration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = ChannelIssuer,
            ["authorization_endpoint"] = "https://invalid.botframework.com",
            ["jwks_uri"] = current().BaseUrl + "/v1/.well-known/keys",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "private_key_jwt" },
        }));
        app.MapGet("/v1/.well-known/keys", () =>
        {
            var issuer = current();
            return Results.Json(new { keys = new[] { Jwk(issuer.ChannelKey, Endorsed), Jwk(issuer.SkypeOnlyKey, ["skype"]) }.Concat(issuer.RolledKeys.Select(k => Jwk(k, Endorsed))) });
        });
        app.MapGet("/channel-token", (string serviceurl, string aud) => Results.Text(current().ChannelToken(aud, serviceurl)));
        app.MapGet("/connector-key", () => Results.Json(Jwk(current().ConnectorKey, [])));
        app.MapPost("/botframework.com/oauth2/v2.0/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            var issuer = current();
            issuer.TokenRequests.Enqueue((form["client_id"].ToString(), form["scope"].ToString(), form["client_secret"].ToString()));
            if (form["grant_type"] != "client_credentials") return Results.Json(new { error = "unsupported_grant_type" }, statusCode: 400);
            if (form["client_secret"] != issuer.ClientSecret) return Results.Json(new { error = "invalid_client", error_description = "AADSTS7000215: Invalid client secret." }, statusCode: 401);
            var token = Sign(issuer.ConnectorKey, "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/", "https://api.botframework.com",
                [new Claim("appid", form["client_id"].ToString())], DateTime.UtcNow.AddHours(1));
            return Results.Json(new { token_type = "Bearer", expires_in = 3600, ext_expires_in = 3600, access_token = token });
        });
    }

    /// <summary>A token as the channel sends it; every part can be made wrong for the tests that must refuse it.</summary>
    public string ChannelToken(string audience, string serviceUrl, RsaSecurityKey? key = null, string issuer = ChannelIssuer, DateTime? expires = null) =>
        Sign(key ?? ChannelKey, issuer, audience, [new Claim("serviceurl", serviceUrl)], expires ?? DateTime.UtcNow.AddHours(1));

    private static string Sign(RsaSecurityKey key, string issuer, string audience, IEnumerable<Claim> claims, DateTime expires) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer, Audience = audience, Subject = new ClaimsIdentity(claims),
            IssuedAt = expires.AddHours(-2), NotBefore = expires.AddHours(-2), Expires = expires,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });

    public static RsaSecurityKey NewKey(string kid) => new(RSA.Create(2048)) { KeyId = kid };

    private static Dictionary<string, object> Jwk(RsaSecurityKey key, string[] endorsements)
    {
        var parameters = key.Rsa.ExportParameters(false);
        return new Dictionary<string, object>
        {
            ["kty"] = "RSA", ["use"] = "sig", ["kid"] = key.KeyId, ["alg"] = "RS256",
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus), ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["endorsements"] = endorsements,
        };
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
