namespace SafeChat.Bot.Channels.WebChat;

/// <summary>Section "WebChat".</summary>
public sealed class WebChatOptions
{
    /// <summary>Where "Snel weg / Leave now" goes: a neutral page that says nothing about SafeChat.</summary>
    public string QuickExitUrl { get; set; } = "https://www.google.com/search?q=weer+rotterdam";
}
