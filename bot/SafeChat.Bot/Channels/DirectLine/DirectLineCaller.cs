using System.Security.Cryptography;
using System.Text;

namespace SafeChat.Bot.Channels.DirectLine;

/// <summary>Who is calling: a holder of the server secret, or a token bound to one conversation.</summary>
public sealed record DirectLineCaller(bool IsSecret, string? ConversationId, string? UserId)
{
    public bool MayAccess(string conversationId) => IsSecret || ConversationId == conversationId;
}

public sealed class DirectLineAuthenticator(DirectLineTokens tokens, DirectLineOptions options)
{
    /// <summary>Reads "Authorization: Bearer …"; on failure returns the error to send instead.</summary>
    public Task<(DirectLineCaller? Caller, IResult? Error)> FromHeaderAsync(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return Task.FromResult<(DirectLineCaller?, IResult?)>((null, DirectLineErrors.MissingAuthorization()));
        return FromCredentialAsync(header["Bearer ".Length..].Trim());
    }

    public async Task<(DirectLineCaller? Caller, IResult? Error)> FromCredentialAsync(string credential)
    {
        if (IsSecret(credential)) return (new DirectLineCaller(true, null, null), null);
        var check = await tokens.CheckAsync(credential);
        return check.Status switch
        {
            TokenStatus.Valid => (new DirectLineCaller(false, check.ConversationId, check.UserId), null),
            TokenStatus.Expired => (null, DirectLineErrors.TokenExpired()),
            _ => (null, DirectLineErrors.InvalidToken()),
        };
    }

    /// <summary>The server-side secret, compared in constant time (also used by the rate limiter to exempt trusted servers).</summary>
    public bool IsSecret(string credential) =>
        !string.IsNullOrEmpty(options.Secret) &&
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(credential), Encoding.UTF8.GetBytes(options.Secret));
}
