using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace SafeChat.Bot.Tests.Support;

/// <summary>A raw Direct Line stream client: connect, and collect ActivitySet frames until a condition holds.</summary>
public static class StreamSocket
{
    public static async Task<ClientWebSocket> ConnectAsync(string url)
    {
        var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await socket.ConnectAsync(new Uri(url), timeout.Token);
        return socket;
    }

    public static async Task<List<JsonElement>> ReceiveUntilAsync(ClientWebSocket socket, Func<List<JsonElement>, bool> done,
        TimeSpan? within = null)
    {
        var received = new List<JsonElement>();
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(15));
        while (!done(received))
        {
            var frame = await ReceiveFrameAsync(socket, deadline - DateTime.UtcNow);
            if (frame.Length == 0) continue; // keep-alive
            var set = JsonDocument.Parse(frame).RootElement;
            Assert.True(long.TryParse(set.GetProperty("watermark").GetString(), out _));
            received.AddRange(set.GetProperty("activities").EnumerateArray().Select(a => a.Clone()));
        }
        return received;
    }

    public static async Task<string> ReceiveFrameAsync(ClientWebSocket socket, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout > TimeSpan.Zero ? timeout : TimeSpan.FromMilliseconds(1));
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, cancel.Token);
            message.Write(buffer, 0, result.Count);
        } while (!result.EndOfMessage);
        return Encoding.UTF8.GetString(message.ToArray());
    }
}
