namespace SafeChat.Bot.Channels.BotFramework;

/// <summary>Plain http is allowed only to this machine (local stand-ins in tests); everything else is https.</summary>
public static class LocalAddress
{
    public static bool IsLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsLoopback;

    public static bool IsAllowed(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}
