using System.Security.Cryptography;
using System.Text;

namespace SafeChat.Testing;

/// <summary>
/// Twilio's side of a webhook, for the stand-ins that play Twilio (tests and the load generator): the URL, then every
/// form field sorted by name (ordinal), repeated names with their values de-duplicated and sorted, name and value
/// appended without separators; HMAC-SHA1 with the auth token; Base64. Proven against Twilio's published vectors and
/// the official npm package (Twilio/SignatureVectorTests, NpmOracleTests).
/// </summary>
public static class TwilioRequestSigner
{
    public static string Sign(string authToken, string url, IEnumerable<KeyValuePair<string, string>> form)
    {
        var data = new StringBuilder(url);
        foreach (var group in form.GroupBy(p => p.Key).OrderBy(g => g.Key, StringComparer.Ordinal))
        foreach (var value in group.Select(p => p.Value).Distinct().Order(StringComparer.Ordinal))
            data.Append(group.Key).Append(value);
        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(authToken));
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(data.ToString())));
    }
}
