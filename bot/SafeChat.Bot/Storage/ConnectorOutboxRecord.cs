namespace SafeChat.Bot.Storage;

/// <summary>
/// A reply waiting to go to a Bot Framework channel's service URL (Teams, Telegram, …): the rendered activity, queued
/// in the turn's transaction and sent after the commit, claimed with a lease so it goes out once across instances.
/// </summary>
public sealed class ConnectorOutboxRecord : IOutboxRow
{
    public long Id { get; set; }
    public required string ConversationId { get; set; }
    public required string ActivityJson { get; set; }

    /// <summary>The confirmation of an erasure: once it is sent, the conversation itself (and its reference) is deleted.</summary>
    public bool ForgetConversationAfterSend { get; set; }
    public required string Status { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? LeaseUntil { get; set; }
}
