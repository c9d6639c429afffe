using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SafeChat.Bot.Staff.Escalation;

/// <summary>
/// How the webhook's receiver knows a message came from SafeChat and was not replayed: <c>X-SafeChat-Timestamp</c> (Unix
/// seconds) and <c>X-SafeChat-Signature: sha256=</c> the hex HMAC-SHA256, keyed with the shared secret, of
/// "timestamp.body". The receiver recomputes it, compares in constant time, and refuses old timestamps (say, 5 minutes).
/// </summary>
public static class WebhookSignature
{
    public const string TimestampHeader = "X-SafeChat-Timestamp", SignatureHeader = "X-SafeChat-Signature";

    public static HttpRequestMessage Sign(HttpRequestMessage request, string body, string secret, DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        request.Headers.Add(TimestampHeader, timestamp);
        request.Headers.Add(SignatureHeader, "sha256=" + Compute(secret, timestamp, body));
        return request;
    }

    public static string Compute(string secret, string timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body)));
}
