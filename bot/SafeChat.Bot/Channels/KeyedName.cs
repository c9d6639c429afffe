using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace SafeChat.Bot.Channels;

/// <summary>
/// An address on a channel (a phone number, a channel's conversation id) is only an identifier for a conversation: it is
/// stored as a keyed hash (HMAC-SHA256 with a secret key), so the same address finds the same conversation but the
/// database alone cannot reveal it.
/// </summary>
public static class KeyedName
{
    public static string For(byte[] key, string prefix, string address)
    {
        using var hmac = new HMACSHA256(key);
        return $"{prefix}-{Base64UrlEncoder.Encode(hmac.ComputeHash(Encoding.UTF8.GetBytes(address)))[..32]}";
    }
}
