namespace SafeChat.Bot.Storage;

/// <summary>When a scheduled job last ran; claiming it with a conditional update makes it run once per period across instances.</summary>
public sealed class JobRunRecord
{
    public required string Name { get; set; }
    public DateTime LastRunAt { get; set; }
}
