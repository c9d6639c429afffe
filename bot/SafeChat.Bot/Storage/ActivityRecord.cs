namespace SafeChat.Bot.Storage;

/// <summary>One entry of a conversation's activity log, exactly as clients receive it.</summary>
public sealed class ActivityRecord
{
    public long Id { get; set; }
    public required string ConversationId { get; set; }
    public long Seq { get; set; }
    public required string ActivityId { get; set; }
    public required string Type { get; set; }
    public bool FromUser { get; set; }

    /// <summary>conversationUpdate is for the bot only; Direct Line never shows it to clients.</summary>
    public bool VisibleToClient { get; set; }

    /// <summary>
    /// The client's own id for what it sent (Web Chat's channelData.clientActivityID), so a resend after a lost
    /// answer is recognised instead of stored twice.
    /// </summary>
    public string? ClientActivityId { get; set; }

    public required string Json { get; set; }
    public DateTime CreatedAt { get; set; }
}
