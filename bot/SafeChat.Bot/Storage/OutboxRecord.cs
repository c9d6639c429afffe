namespace SafeChat.Bot.Storage;

/// <summary>
/// A message waiting to go out through Twilio. Written in the same transaction as the turn that produced it,
/// so a crash or an outage delays it but never loses it.
/// </summary>
public sealed class OutboxRecord
{
    public long Id { get; set; }
    public required string ConversationId { get; set; }
    public required string Channel { get; set; }
    public required string Body { get; set; }
    public required string Status { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? LeaseUntil { get; set; }
    public string? TwilioSid { get; set; }
    public string? DeliveryStatus { get; set; }
    public int? ErrorCode { get; set; }
}

public static class OutboxStatuses
{
    public const string Pending = "pending";
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Failed = "failed";

    /// <summary>Not sent because the person sent STOP: nothing goes out after that.</summary>
    public const string Suppressed = "suppressed";
}

/// <summary>One row per Twilio message received: a second delivery of the same MessageSid is recognised and dropped.</summary>
public sealed class InboundReceiptRecord
{
    public required string MessageSid { get; set; }
    public DateTime ReceivedAt { get; set; }
}
