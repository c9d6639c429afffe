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

    public required string Json { get; set; }
    public DateTime CreatedAt { get; set; }
}
