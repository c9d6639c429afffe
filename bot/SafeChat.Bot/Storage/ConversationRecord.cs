namespace SafeChat.Bot.Storage;

/// <summary>
/// One conversation: its dialog state (with <see cref="StateVersion"/> as the concurrency token)
/// and the counters that order its activity log.
/// </summary>
public sealed class ConversationRecord
{
    public required string Id { get; set; }
    public required string Channel { get; set; }

    /// <summary>The pseudonymous user id bound into the conversation's token (never a real identity).</summary>
    public required string UserId { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime LastActivityAt { get; set; }

    public string StateJson { get; set; } = "{}";
    public int StateVersion { get; set; }

    /// <summary>Highest sequence number in the activity log: the watermark source.</summary>
    public long LastSeq { get; set; }

    /// <summary>Highest sequence number of an activity from the person; a turn is due while it exceeds <see cref="LastProcessedSeq"/>.</summary>
    public long LastInboundSeq { get; set; }
    public long LastProcessedSeq { get; set; }

    /// <summary>SMS and WhatsApp: where replies go, encrypted (the number itself is never stored in the clear).</summary>
    public string? ChannelAddressProtected { get; set; }

    /// <summary>When the person last wrote: WhatsApp allows free-form messages for 24 hours after it.</summary>
    public DateTime? LastUserMessageAt { get; set; }

    /// <summary>The person sent STOP on SMS: no message may be sent until START.</summary>
    public bool OptedOut { get; set; }
}
