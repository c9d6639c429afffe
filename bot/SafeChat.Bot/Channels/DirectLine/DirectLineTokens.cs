using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SafeChat.Bot.Channels.DirectLine;

/// <summary>
/// Conversation tokens: JWTs signed with HMAC-SHA256, bound to one conversation and one pseudonymous user.
/// Web Chat reads the <c>user</c> claim to pin the user id, so nobody can post as someone else.
/// </summary>
public sealed class DirectLineTokens(byte[] signingKey, TimeSpan lifetime, TimeProvider clock)
{
    private const string Issuer = "safechat";
    private const string Audience = "safechat-directline";
    private readonly SymmetricSecurityKey _key = new(signingKey);
    private readonly JsonWebTokenHandler _handler = new();

    public TimeSpan Lifetime => lifetime;

    public string Issue(string conversationId, string userId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Claims = new Dictionary<string, object> { ["conv"] = conversationId, ["user"] = userId },
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        });
    }

    // A valid token is checked once, then remembered until it expires: a polling client shows it up to 20 times a second,
    // and checking its signature each time showed in the load profile. The whole token, signature included, is the key,
    // so only that exact string is ever let through from memory; expiry is judged as the check itself judges it.
    private readonly ConcurrentDictionary<string, (TokenCheck Check, DateTime Expires)> _valid = new(StringComparer.Ordinal);
    private const int MaxRemembered = 20_000;

    public async Task<TokenCheck> CheckAsync(string token)
    {
        if (_valid.TryGetValue(token, out var known))
        {
            if (known.Expires > clock.GetUtcNow().UtcDateTime.AddMinutes(-1)) return known.Check;
            _valid.TryRemove(token, out _);
        }
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = _key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ClockSkew = TimeSpan.FromMinutes(1),
            LifetimeValidator = (notBefore, expires, _, _) =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                return (notBefore is null || notBefore <= now.AddMinutes(1)) && expires > now.AddMinutes(-1);
            },
        });
        if (result.IsValid)
        {
            var check = new TokenCheck(TokenStatus.Valid, (string)result.Claims["conv"], (string)result.Claims["user"]);
            if (_valid.Count >= MaxRemembered) _valid.Clear(); // only costs checks
            _valid[token] = (check, result.SecurityToken.ValidTo);
            return check;
        }
        return new TokenCheck(result.Exception is SecurityTokenInvalidLifetimeException or SecurityTokenExpiredException
            ? TokenStatus.Expired
            : TokenStatus.Invalid, null, null);
    }

    public static string NewConversationId() => RandomId(16);

    /// <summary>"dl_" marks a user id that lives inside a token (Direct Line's convention).</summary>
    public static string NewUserId() => "dl_" + RandomId(12);

    private static string RandomId(int bytes) => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(bytes));
}

public enum TokenStatus { Valid, Expired, Invalid }

public sealed record TokenCheck(TokenStatus Status, string? ConversationId, string? UserId);
