namespace SafeChat.Bot.Storage;

/// <summary>
/// A live chat: a conversation handed from the bot to a person from the team. Waiting from the person's request,
/// active once a staff member claims it, closed when either ends it. At most one open per conversation.
/// </summary>
public sealed class LiveChatRecord
{
    public long Id { get; set; }
    public required string ConversationId { get; set; }

    /// <summary><see cref="Live.LiveChatStatuses"/>: waiting, active, closed.</summary>
    public required string Status { get; set; }

    public DateTime RequestedAt { get; set; }

    /// <summary>The log position when the person asked: staff see the conversation from here on.</summary>
    public long StartSeq { get; set; }

    public long? HeldBy { get; set; }
    public string? HeldByName { get; set; }
    public DateTime? ClaimedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public string? Outcome { get; set; }

    /// <summary>The person wrote of danger or of suicide during the chat: a red flag for staff.</summary>
    public bool Danger { get; set; }

    /// <summary>Waited longer than Handover:MaxWaitMinutes: supervisors were told, once.</summary>
    public DateTime? EscalatedAt { get; set; }

    /// <summary>The bot's summary of what the person told before asking (signals and facts, no words of theirs).</summary>
    public string? Summary { get; set; }
}
