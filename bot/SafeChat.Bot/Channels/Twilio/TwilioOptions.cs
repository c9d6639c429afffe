namespace SafeChat.Bot.Channels.Twilio;

/// <summary>Section "Twilio". Without an AccountSid and AuthToken the SMS and WhatsApp channels are off.</summary>
public sealed class TwilioOptions
{
    public string? AccountSid { get; set; }

    /// <summary>Signs Twilio's webhooks (always the primary auth token), and authenticates REST calls unless an API key is set.</summary>
    public string? AuthToken { get; set; }
    public string? ApiKeySid { get; set; }
    public string? ApiKeySecret { get; set; }

    /// <summary>Our SMS number (E.164) and WhatsApp sender (whatsapp:+E.164).</summary>
    public string? SmsFrom { get; set; }
    public string? WhatsAppFrom { get; set; }

    /// <summary>The public origin Twilio calls (https://chat.example.nl), needed to check signatures behind a proxy.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Twilio's REST API; the SDK's calls go here when it is another origin (tests point it at a local stand-in).</summary>
    public string ApiBaseUrl { get; set; } = "https://api.twilio.com";

    /// <summary>Base64 key (at least 32 bytes) for the keyed hash that stands in for a phone number. Generated into the data folder when empty.</summary>
    public string? AddressKey { get; set; }

    /// <summary>Twilio's Content API, where WhatsApp quick-reply messages are created; tests point it at a stand-in.</summary>
    public string ContentApiBaseUrl { get; set; } = "https://content.twilio.com";

    /// <summary>
    /// The pre-approved, neutral WhatsApp template sent when the 24-hour window has closed ("Er staat een bericht
    /// voor je klaar. Antwoord JA om het te lezen."). The real message follows when the person answers.
    /// </summary>
    public string? WindowTemplateContentSid { get; set; }

    /// <summary>Staff see a WhatsApp case's deadline this long before the window closes, to leave time to act.</summary>
    public TimeSpan WindowMargin { get; set; } = TimeSpan.FromHours(1);

    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    public bool Enabled => !string.IsNullOrEmpty(AccountSid) && !string.IsNullOrEmpty(AuthToken);
}

public static class TwilioChannels
{
    public const string Sms = "sms";
    public const string WhatsApp = "whatsapp";
}
