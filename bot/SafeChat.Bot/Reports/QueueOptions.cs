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

    public double HoursFor(int tier) => tier switch { 1 => Tier1Hours, 2 => Tier2Hours, _ => Tier3Hours };
}
