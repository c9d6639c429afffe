namespace SafeChat.Bot.Channels.BotFramework;

/// <summary>
/// A channel's conversation id names SafeChat's conversation only as a keyed hash (<see cref="KeyedName"/>). In a group
/// chat every member has a conversation of their own with SafeChat (their answers, report and handover are theirs alone),
/// though the channel shows the replies to the group: the Teams app is meant to be installed for personal chats.
/// </summary>
public sealed class BotFrameworkAddresses(byte[] key)
{
    public string ConversationIdFor(ConversationReference reference) =>
        KeyedName.For(key, "bf", reference.ChannelId + "|" + reference.ConversationId + (reference.IsGroup ? "|" + reference.User?.Id : ""));
}
