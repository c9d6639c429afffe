using System.Text.Json;
using SafeChat.Dialogs.Activities;

namespace SafeChat.Bot.Channels.BotFramework;

/// <summary>
/// Where replies go: the channel's service URL and its ids for the conversation, the bot and the person, and the
/// message to answer. Stored encrypted on the conversation (as a phone number is for SMS), updated by every message.
/// </summary>
public sealed record ConversationReference(string ServiceUrl, string ChannelId, string ConversationId, ChannelAccount? Bot, ChannelAccount? User,
    string? ReplyToId, string? TenantId, bool IsGroup)
{
    public static ConversationReference From(Activity activity, string serviceUrl) => new(
        serviceUrl, activity.ChannelId!, activity.Conversation!.Id!,
        activity.Recipient is { } bot ? new ChannelAccount { Id = bot.Id, Name = bot.Name } : null,
        activity.From is { } user ? new ChannelAccount { Id = user.Id, Name = null, Role = "user" } : null, // a name is not needed to answer
        activity.Id, Extra(activity.Conversation, "tenantId"), Extra(activity.Conversation, "isGroup") == "True" || Extra(activity.Conversation, "conversationType") is "groupChat" or "channel");

    private static string? Extra(ConversationAccount conversation, string name) =>
        conversation.Extra?.TryGetValue(name, out var value) == true
            ? value.ValueKind switch { JsonValueKind.String => value.GetString(), JsonValueKind.True => "True", _ => null }
            : null;

    public string Serialize() => JsonSerializer.Serialize(this, ActivityJson.Options);

    public static ConversationReference Deserialize(string json) => JsonSerializer.Deserialize<ConversationReference>(json, ActivityJson.Options)!;
}
