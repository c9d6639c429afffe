namespace SafeChat.Bot.Reports;

/// <summary>Section "Queue": deadlines per tier in working hours, and Rotterdam office hours.</summary>
public sealed class QueueOptions
{
    public double Tier1Hours { get; set; } = 4;
    public double Tier2Hours { get; set; } = 8;
    public double Tier3Hours { get; set; } = 24;
    public TimeOnly OfficeOpens { get; set; } = new(9, 0);
    public TimeOnly OfficeCloses { get; set; } = new(17, 0);

    /// <summary>More reports than this in one district (or grid cell) within 7 days raises a hotspot alert.</summary>
    public int HotspotThreshold { get; set; } = 5;

    /// <summary>Where overdue cases are announced besides the app: a webhook that receives a small JSON message.</summary>
    public string? EscalationWebhookUrl { get; set; }

    /// <summary>The shared secret the webhook's receiver checks the signature with (HMAC-SHA256, at least 32 characters).</summary>
    public string? EscalationWebhookSecret { get; set; }

    public const int MinWebhookSecretLength = 32;

    /// <summary>Why the webhook settings cannot be used, or null. Outside Development only HTTPS leaves the machine: plain
    /// HTTP is allowed to a loopback address only (a sidecar), where nothing travels over a network.</summary>
    public string? WebhookProblem(bool development)
    {
        if (string.IsNullOrEmpty(EscalationWebhookUrl)) return null;
        if (!Uri.TryCreate(EscalationWebhookUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
            return "Queue:EscalationWebhookUrl is not an absolute http(s) address.";
        if (url.Scheme == "http" && !development && !url.IsLoopback)
            return "Queue:EscalationWebhookUrl must use https outside Development (plain http only to a loopback address).";
        if ((EscalationWebhookSecret?.Length ?? 0) < MinWebhookSecretLength)
            return $"Queue:EscalationWebhookSecret must be set, at least {MinWebhookSecretLength} characters, when a webhook is: the receiver checks each message's signature with it.";
        return null;
    }

    public double HoursFor(int tier) => tier switch { 1 => Tier1Hours, 2 => Tier2Hours, _ => Tier3Hours };
}
