using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace SafeChat.Bot.Channels.Twilio;

/// <summary>
/// A phone number is only an identifier for a conversation: it is stored as a keyed hash (HMAC-SHA256 with a
/// secret key), so the same number finds the same conversation but the database alone cannot reveal it.
/// </summary>
public sealed class TwilioAddresses(byte[] key)
{
    public string ConversationIdFor(string channel, string from)
    {
        using var hmac = new HMACSHA256(key);
        var hash = hmac.ComputeHash(Encoding.UTF8.GetBytes(channel + "|" + from.Trim()));
        return $"{channel}-{Base64UrlEncoder.Encode(hash)[..32]}";
    }
}
