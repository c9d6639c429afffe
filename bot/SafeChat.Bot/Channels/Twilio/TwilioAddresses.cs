namespace SafeChat.Bot.Channels.Twilio;

/// <summary>A phone number names its conversation only as a keyed hash (<see cref="KeyedName"/>).</summary>
public sealed class TwilioAddresses(byte[] key)
{
    public string ConversationIdFor(string channel, string from) => KeyedName.For(key, channel, channel + "|" + from.Trim());
}
