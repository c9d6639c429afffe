namespace SafeChat.Dialogs.Engine;

/// <summary>The kinds of channel whose traces differ: a browser tab, a WhatsApp chat, an SMS thread.</summary>
public enum ChannelKind { Web, WhatsApp, Sms }

public static class ChannelKinds
{
    public static ChannelKind Of(string? channelId) => channelId switch
    {
        "whatsapp" => ChannelKind.WhatsApp,
        "sms" => ChannelKind.Sms,
        _ => ChannelKind.Web,
    };

    /// <summary>The suffix of text keys that differ per channel, e.g. "trace.web".</summary>
    public static string Key(this ChannelKind kind) => kind.ToString().ToLowerInvariant();
}
