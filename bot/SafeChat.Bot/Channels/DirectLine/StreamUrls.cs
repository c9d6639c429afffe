namespace SafeChat.Bot.Channels.DirectLine;

/// <summary>
/// The WebSocket URL carries its own credential (?t=) because browsers cannot set headers on a socket.
/// DirectLineJS never derives it from the domain, so it must be absolute.
/// </summary>
public sealed class StreamUrls(DirectLineOptions options)
{
    public string For(HttpRequest request, string conversationId, string token, long? watermark)
    {
        var origin = options.PublicBaseUrl?.TrimEnd('/') ?? $"{request.Scheme}://{request.Host}";
        var socketOrigin = origin.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? "wss://" + origin["https://".Length..]
            : "ws://" + origin["http://".Length..];
        var url = $"{socketOrigin}{DirectLineChannel.BasePath}/conversations/{Uri.EscapeDataString(conversationId)}/stream?t={Uri.EscapeDataString(token)}";
        return watermark is { } w ? $"{url}&watermark={w}" : url;
    }
}
