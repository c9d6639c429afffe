using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafeChat.Bot.Storage;

namespace SafeChat.Bot.Channels.Twilio;

/// <summary>
/// WhatsApp quick replies are Content API resources (twilio/quick-reply, with a twilio/text fallback). Each distinct
/// question is created once and its ContentSid kept, so a conversation does not create content per message.
/// </summary>
public sealed class WhatsAppContents(HttpClient http, TwilioOptions options, SafeChatDbFactory databases, TimeProvider clock)
{
    public async Task<string?> SidForAsync(string body, string buttonsJson, CancellationToken cancellation)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(body + "\n" + buttonsJson)));
        await using var db = databases.Create();
        if (await db.WhatsAppContents.AsNoTracking().SingleOrDefaultAsync(c => c.Hash == hash, cancellation) is { } known) return known.ContentSid;

        var actions = JsonSerializer.Deserialize<List<Dictionary<string, string>>>(buttonsJson)!;
        var content = new
        {
            friendly_name = "safechat_" + hash[..16].ToLowerInvariant(),
            language = "nl",
            types = new Dictionary<string, object>
            {
                ["twilio/quick-reply"] = new { body, actions = actions.Select(a => new { title = a["title"], id = a["id"] }) },
                ["twilio/text"] = new { body },
            },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{options.ContentApiBaseUrl.TrimEnd('/')}/v1/Content") { Content = JsonContent.Create(content) };
        request.Headers.Authorization = options.BasicAuthorization();
        using var response = await http.SendAsync(request, cancellation);
        if (!response.IsSuccessStatusCode) return null;
        var sid = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellation)).GetProperty("sid").GetString()!;
        db.WhatsAppContents.Add(new WhatsAppContentRecord { Hash = hash, ContentSid = sid, CreatedAt = clock.GetUtcNow().UtcDateTime });
        try { await db.SaveChangesAsync(cancellation); }
        catch (DbUpdateException) { /* another instance stored the same content first; either SID works */ }
        return sid;
    }
}
