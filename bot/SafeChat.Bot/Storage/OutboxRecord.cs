namespace SafeChat.Bot.Storage;

/// <summary>
/// A message waiting to go out through Twilio. Written in the same transaction as the turn that produced it,
/// so a crash or an outage delays it but never loses it.
/// </summary>
public sealed class OutboxRecord : IOutboxRow
{
    public long Id { get; set; }
    public required string ConversationId { get; set; }
    public required string Channel { get; set; }
    public required string Body { get; set; }

    /// <summary>WhatsApp quick replies as JSON [{"id","title"}]: sent as Content API content instead of plain text.</summary>
    public string? Buttons { get; set; }

    /// <summary>A pre-approved template to send instead of the body (the WhatsApp 24-hour window was closed).</summary>
    public string? ContentSid { get; set; }

    /// <summary>The confirmation of an erasure: once it is sent, the conversation itself (and with it the link to the number) is deleted.</summary>
    public bool ForgetConversationAfterSend { get; set; }
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

    /// <summary>Waiting for the person to answer the window template; released when they write back.</summary>
    public const string Held = "held";

    /// <summary>Not sent because the person sent STOP: nothing goes out after that.</summary>
    public const string Suppressed = "suppressed";
}

/// <summary>One row per Twilio message received: a second delivery of the same MessageSid is recognised and dropped.</summary>
public sealed class InboundReceiptRecord
{
    public required string MessageSid { get; set; }
    public DateTime ReceivedAt { get; set; }
}

/// <summary>Content API resources already created for a quick-reply message, by a hash of their content.</summary>
public sealed class WhatsAppContentRecord
{
    public required string Hash { get; set; }
    public required string ContentSid { get; set; }
    public DateTime CreatedAt { get; set; }
}
