using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SafeChat.Load;

/// <summary>
/// One team member in the live-chat run: signed in (cookie session through the TLS proxy, CSRF header), claiming a chat,
/// posting to it, and following it on its push stream (/staff/api/live/{id}/events), as the conversation page does.
/// </summary>
public sealed class LiveStaff(Uri baseUrl, string email) : IDisposable
{
    // No client timeout: the push stream stays open for the whole run.
    private readonly HttpClient _http = StaffSignIn.Browser(baseUrl, new CookieContainer(), Timeout.InfiniteTimeSpan);
    private string _csrf = "";
    private StreamReader? _events;

    public string Email => email;

    public async Task SignInAsync(string oneTimePassword, string totpSecret)
    {
        if (!await StaffSignIn.FirstTimeAsync(_http, email, oneTimePassword, totpSecret, DateTime.UtcNow))
            throw new InvalidOperationException($"{email} could not sign in");
        _csrf = (await _http.GetFromJsonAsync<JsonElement>("/staff/api/antiforgery")).GetProperty("token").GetString()!;
    }

    public async Task<IReadOnlyList<long>> WaitingAsync() =>
        [.. (await _http.GetFromJsonAsync<JsonElement>("/staff/api/live")).EnumerateArray()
            .Where(l => l.GetProperty("status").GetString() == "waiting").Select(l => l.GetProperty("id").GetInt64())];

    public Task ClaimAsync(long id) => PostAsync($"/staff/api/live/{id}/claim", new { });

    public Task SendAsync(long id, string text) => PostAsync($"/staff/api/live/{id}/messages", new { text });

    public Task CloseAsync(long id) => PostAsync($"/staff/api/live/{id}/close", new { outcome = "load" });

    public async Task<IReadOnlyList<JsonElement>> MessagesAsync(long id) =>
        [.. (await _http.GetFromJsonAsync<JsonElement>($"/staff/api/live/{id}/messages")).EnumerateArray()];

    /// <summary>Opens the chat's push stream; <see cref="NextFromPersonAsync"/> reads it.</summary>
    public async Task FollowAsync(long id, CancellationToken cancellation)
    {
        var response = await _http.GetAsync($"/staff/api/live/{id}/events", HttpCompletionOption.ResponseHeadersRead, cancellation);
        response.EnsureSuccessStatusCode();
        _events = new StreamReader(await response.Content.ReadAsStreamAsync(cancellation));
    }

    /// <summary>Reads the push stream until the person's message with this text is on it.</summary>
    public async Task NextFromPersonAsync(string text, CancellationToken cancellation)
    {
        var kind = "";
        while (await _events!.ReadLineAsync(cancellation) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal)) kind = line[7..];
            else if (kind == "message" && line.StartsWith("data: ", StringComparison.Ordinal))
            {
                using var message = JsonDocument.Parse(line[6..]);
                if (message.RootElement.GetProperty("from").GetString() == "person" && message.RootElement.GetProperty("text").GetString() == text) return;
            }
        }
        throw new IOException("the live stream ended");
    }

    private async Task PostAsync(string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-CSRF-TOKEN", _csrf);
        var response = await _http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.NoContent)
            throw new HttpRequestException($"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public void Dispose()
    {
        _events?.Dispose();
        _http.Dispose();
    }
}
