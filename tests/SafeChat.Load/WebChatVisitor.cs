using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SafeChat.Load;

/// <summary>
/// One Web Chat visitor: token from the page's endpoint, conversation, WebSocket stream, then the journey.
/// A turn's latency runs from posting a message to the first reply to it arriving on the stream.
/// </summary>
/// <param name="address">The visitor's own address, sent as X-Forwarded-For through the trusted proxy (the flood run:
/// every visitor then counts as one person for the per-address limits).</param>
/// <param name="journey">What the visitor says; a report on Web Chat unless given.</param>
/// <param name="kind">The latency kind its turns are counted under.</param>
public sealed class WebChatVisitor(HttpClient postTo, Uri streamFrom, Latencies latencies, string? address = null,
    IReadOnlyList<string>? journey = null, string kind = "webchat turn")
{
    /// <summary>The bot's first reply to each message, as JSON text.</summary>
    public List<string> Replies { get; } = [];

    public async Task RunAsync(CancellationToken cancellation)
    {
        using var tokenRequest = From(new HttpRequestMessage(HttpMethod.Post, "/webchat/token"));
        var token = (await (await postTo.SendAsync(tokenRequest, cancellation)).Content.ReadFromJsonAsync<JsonObject>(cancellation))!["token"]!.GetValue<string>();
        using var start = From(new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations") { Content = JsonContent.Create(new { locale = "nl-NL" }) });
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var started = (await (await postTo.SendAsync(start, cancellation)).Content.ReadFromJsonAsync<JsonObject>(cancellation))!;
        var conversation = started["conversationId"]!.GetValue<string>();
        token = started["token"]!.GetValue<string>();
        var streamUrl = new UriBuilder(new Uri(started["streamUrl"]!.GetValue<string>())) { Host = streamFrom.Host, Port = streamFrom.Port }.Uri;

        using var socket = new ClientWebSocket();
        if (address is not null) socket.Options.SetRequestHeader("X-Forwarded-For", address);
        await socket.ConnectAsync(streamUrl, cancellation);
        await ReadUntilAsync(socket, _ => true, cancellation); // the greeting
        foreach (var text in journey ?? Journeys.ReportOnWebChat)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using var post = From(new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversation}/activities")
            {
                Content = JsonContent.Create(new { type = "message", text, from = new { id = "load" } }),
            });
            post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var response = await postTo.SendAsync(post, cancellation);
            if (!response.IsSuccessStatusCode) { latencies.Error(); return; }
            var id = (await response.Content.ReadFromJsonAsync<JsonObject>(cancellation))!["id"]!.GetValue<string>();
            Replies.Add(await ReadUntilAsync(socket, a => a.TryGetProperty("replyToId", out var to) && to.GetString() == id, cancellation));
            latencies.Add(kind, clock.Elapsed);
        }
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, cancellation);
    }

    private HttpRequestMessage From(HttpRequestMessage request)
    {
        if (address is not null) request.Headers.Add("X-Forwarded-For", address);
        return request;
    }

    private static async Task<string> ReadUntilAsync(ClientWebSocket socket, Func<JsonElement, bool> wanted, CancellationToken cancellation)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, cancellation);
                message.Write(buffer, 0, result.Count);
            } while (!result.EndOfMessage);
            if (result.MessageType == WebSocketMessageType.Close) throw new WebSocketException("stream closed");
            if (message.Length == 0) continue;
            using var set = JsonDocument.Parse(Encoding.UTF8.GetString(message.ToArray()));
            foreach (var a in set.RootElement.GetProperty("activities").EnumerateArray())
                if (a.GetProperty("from").GetProperty("role").GetString() == "bot" && wanted(a)) return a.GetRawText();
        }
    }
}
