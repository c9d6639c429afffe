using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SafeChat.Load;

/// <summary>
/// A Web Chat conversation as the page opens it: a token from the page's endpoint, the Direct Line conversation and its
/// WebSocket stream (possibly from another instance than the one posted to).
/// </summary>
/// <param name="address">The visitor's own address, sent as X-Forwarded-For through the trusted proxy.</param>
public sealed class DirectLineConversation(HttpClient postTo, string? address) : IDisposable
{
    private readonly ClientWebSocket _socket = new();
    private string _conversation = "", _token = "";

    public async Task OpenAsync(Uri streamFrom, CancellationToken cancellation)
    {
        using var tokenRequest = From(new HttpRequestMessage(HttpMethod.Post, "/webchat/token"));
        var token = (await (await postTo.SendAsync(tokenRequest, cancellation)).Content.ReadFromJsonAsync<JsonObject>(cancellation))!["token"]!.GetValue<string>();
        using var start = From(new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations") { Content = JsonContent.Create(new { locale = "nl-NL" }) });
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var started = (await (await postTo.SendAsync(start, cancellation)).Content.ReadFromJsonAsync<JsonObject>(cancellation))!;
        _conversation = started["conversationId"]!.GetValue<string>();
        _token = started["token"]!.GetValue<string>();
        var streamUrl = new UriBuilder(new Uri(started["streamUrl"]!.GetValue<string>())) { Host = streamFrom.Host, Port = streamFrom.Port }.Uri;
        if (address is not null) _socket.Options.SetRequestHeader("X-Forwarded-For", address);
        await _socket.ConnectAsync(streamUrl, cancellation);
    }

    /// <summary>Posts a message; its activity id, or null when SafeChat refused it.</summary>
    public async Task<string?> PostAsync(string text, CancellationToken cancellation)
    {
        using var post = From(new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{_conversation}/activities")
        {
            Content = JsonContent.Create(new { type = "message", text, from = new { id = "load" } }),
        });
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        var response = await postTo.SendAsync(post, cancellation);
        if (!response.IsSuccessStatusCode) return null;
        return (await response.Content.ReadFromJsonAsync<JsonObject>(cancellation))!["id"]!.GetValue<string>();
    }

    /// <summary>Reads the stream until a message from SafeChat's side (the bot or a team member) is the wanted one.</summary>
    public async Task<string> ReadUntilAsync(Func<JsonElement, bool> wanted, CancellationToken cancellation)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await _socket.ReceiveAsync(buffer, cancellation);
                message.Write(buffer, 0, result.Count);
            } while (!result.EndOfMessage);
            if (result.MessageType == WebSocketMessageType.Close) throw new WebSocketException("stream closed");
            if (message.Length == 0) continue;
            using var set = JsonDocument.Parse(Encoding.UTF8.GetString(message.ToArray()));
            foreach (var a in set.RootElement.GetProperty("activities").EnumerateArray())
                if (a.GetProperty("from").GetProperty("role").GetString() == "bot" && wanted(a)) return a.GetRawText();
        }
    }

    public static string Text(JsonElement activity) => activity.TryGetProperty("text", out var text) ? text.GetString() ?? "" : "";

    public Task CloseAsync(CancellationToken cancellation) => _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, cancellation);

    private HttpRequestMessage From(HttpRequestMessage request)
    {
        if (address is not null) request.Headers.Add("X-Forwarded-For", address);
        return request;
    }

    public void Dispose() => _socket.Dispose();
}
