using System.Security.Cryptography;
using System.Text;

namespace SafeChat.Bot.Channels.Twilio;

/// <summary>
/// X-Twilio-Signature as Twilio computes it: the full URL as Twilio called it, then every form field sorted by
/// name (ordinal), repeated names with their values de-duplicated and sorted, name and value appended without
/// separators; HMAC-SHA1 with the auth token; Base64. Validation tries the URL with and without the default port,
/// as Twilio's own libraries do, and compares in constant time.
/// </summary>
public static class TwilioSignature
{
    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> form)
    {
        var data = new StringBuilder(url);
        foreach (var group in form.GroupBy(p => p.Key).OrderBy(g => g.Key, StringComparer.Ordinal))
        foreach (var value in group.Select(p => p.Value).Distinct().Order(StringComparer.Ordinal))
            data.Append(group.Key).Append(value);
        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(authToken));
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(data.ToString())));
    }

    public static bool IsValid(string? signature, string authToken, string url, IReadOnlyList<KeyValuePair<string, string>> form)
    {
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(authToken)) return false;
        var given = Encoding.ASCII.GetBytes(signature);
        return UrlCandidates(url).Any(candidate =>
            CryptographicOperations.FixedTimeEquals(given, Encoding.ASCII.GetBytes(Compute(authToken, candidate, form))));
    }

    /// <summary>The URL as given, without an explicit port, and with the scheme's default port.</summary>
    public static IEnumerable<string> UrlCandidates(string url)
    {
        yield return url;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) yield break;
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal) + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], schemeEnd);
        if (authorityEnd < 0) authorityEnd = url.Length;
        var authority = url[schemeEnd..authorityEnd];
        var hostPart = authority[(authority.LastIndexOf('@') + 1)..];
        var userInfo = authority[..(authority.LastIndexOf('@') + 1)];
        var colon = hostPart.LastIndexOf(':');
        var host = colon >= 0 && !hostPart.EndsWith(']') ? hostPart[..colon] : hostPart;
        var prefix = url[..schemeEnd] + userInfo;
        var rest = url[authorityEnd..];
        yield return prefix + host + rest;
        var defaultPort = uri.Scheme.Equals("https", StringComparison.OrdinalIgnoreCase) ? 443 : 80;
        if (colon < 0) yield return $"{prefix}{host}:{defaultPort}{rest}";
    }
}
