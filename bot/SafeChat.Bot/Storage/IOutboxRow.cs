namespace SafeChat.Bot.Storage;

/// <summary>
/// A row a sender queues for after the commit (an SMS, WhatsApp or Bot Framework reply). Nothing in the unit of work that
/// adds it reads its generated id back, so it may be inserted inside another command (<see cref="RowInserts"/>).
/// </summary>
public interface IOutboxRow;
