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
public sealed class WebChatVisitor(HttpClient postTo, Uri streamFrom, Latencies latencies)
{
    public async Task RunAsync(CancellationToken cancellation)
    {
        var token = (await (await postTo.PostAsync("/webchat/token", null, cancellation)).Content.ReadFromJsonAsync<JsonObject>(cancellation))!["token"]!.GetValue<string>();
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations") { Content = JsonContent.Create(new { locale = "nl-NL" }) };
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var started = (await (await postTo.SendAsync(start, cancellation)).Content.ReadFromJsonAsync<JsonObject>(cancellation))!;
        var conversation = started["conversationId"]!.GetValue<string>();
        token = started["token"]!.GetValue<string>();
        var streamUrl = new UriBuilder(new Uri(started["streamUrl"]!.GetValue<string>())) { Host = streamFrom.Host, Port = streamFrom.Port }.Uri;

        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(streamUrl, cancellation);
        await ReadUntilAsync(socket, _ => true, cancellation); // the greeting
        foreach (var text in Journeys.ReportOnWebChat)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversation}/activities")
            {
                Content = JsonContent.Create(new { type = "message", text, from = new { id = "load" } }),
            };
            post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var response = await postTo.SendAsync(post, cancellation);
            if (!response.IsSuccessStatusCode) { latencies.Error(); return; }
            var id = (await response.Content.ReadFromJsonAsync<JsonObject>(cancellation))!["id"]!.GetValue<string>();
            await ReadUntilAsync(socket, a => a.TryGetProperty("replyToId", out var to) && to.GetString() == id, cancellation);
            latencies.Add("webchat turn", clock.Elapsed);
        }
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, cancellation);
    }

    private static async Task ReadUntilAsync(ClientWebSocket socket, Func<JsonElement, bool> wanted, CancellationToken cancellation)
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
            if (set.RootElement.GetProperty("activities").EnumerateArray()
                .Any(a => a.GetProperty("from").GetProperty("role").GetString() == "bot" && wanted(a))) return;
        }
    }
}
