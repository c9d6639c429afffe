using System.Text.Json;
using System.Text.Json.Serialization;

namespace SafeChat.Dialogs.Activities;

/// <summary>
/// The subset of the Bot Framework Activity schema SafeChat uses. Unknown fields are kept in
/// <see cref="Extra"/> so that whatever a client sends round-trips untouched (spec A2005).
/// </summary>
public sealed class Activity
{
    public string Type { get; set; } = ActivityTypes.Message;
    public string? Id { get; set; }

    [JsonConverter(typeof(UtcMillisecondsConverter))]
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>Kept as the sender wrote it: the offset is the user's, not ours to normalise.</summary>
    public string? LocalTimestamp { get; set; }
    public string? LocalTimezone { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public string? ReplyToId { get; set; }
    public string? Text { get; set; }
    public string? TextFormat { get; set; }
    public string? Locale { get; set; }
    public string? InputHint { get; set; }
    public SuggestedActions? SuggestedActions { get; set; }
    public List<Attachment>? Attachments { get; set; }
    public string? AttachmentLayout { get; set; }
    public List<JsonElement>? Entities { get; set; }
    public JsonElement? ChannelData { get; set; }
    public string? Name { get; set; }
    public JsonElement? Value { get; set; }
    public List<ChannelAccount>? MembersAdded { get; set; }
    public List<ChannelAccount>? MembersRemoved { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    public static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };

    public Activity Clone() => ActivityJson.Deserialize(ActivityJson.Serialize(this));
}
