using Twilio.Security;

namespace SafeChat.Bot.Channels.Twilio;

/// <summary>
/// X-Twilio-Signature, checked by the Twilio SDK's <see cref="RequestValidator"/> (the URL with and without its
/// default port, constant-time compare). The SDK signs each form field once; Twilio's messaging webhooks never repeat a
/// field, so a post that does is not Twilio's and is refused rather than guessed at.
/// </summary>
public static class TwilioWebhookSignature
{
    public static bool IsValid(string? signature, string authToken, string url, IReadOnlyList<KeyValuePair<string, string>> form)
    {
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(authToken) || string.IsNullOrEmpty(url)) return false;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in form)
            if (!fields.TryAdd(name, value)) return false;
        try
        {
            return new RequestValidator(authToken).Validate(url, fields, signature);
        }
        catch (Exception unreadable) when (unreadable is UriFormatException or ArgumentException)
        {
            // The SDK re-reads the URL to try it with and without its port; a host it cannot read back (an odd Host
            // header when PublicBaseUrl is not set) is not verified: 403, never 500.
            return false;
        }
    }
}
