using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafeChat.Bot.Storage;
using Twilio.Exceptions;
using Twilio.Rest.Content.V1;

namespace SafeChat.Bot.Channels.Twilio;

/// <summary>
/// WhatsApp quick replies are Content API resources (twilio/quick-reply, with a twilio/text fallback), created through
/// the Twilio SDK. Each distinct question is created once and its ContentSid kept, so a conversation does not create
/// content per message.
/// </summary>
public sealed class WhatsAppContents(TwilioRestClients clients, SafeChatDbFactory databases, TimeProvider clock)
{
    public async Task<string?> SidForAsync(string body, string buttonsJson, CancellationToken cancellation)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(body + "\n" + buttonsJson)));
        await using var db = databases.Create();
        if (await db.WhatsAppContents.AsNoTracking().SingleOrDefaultAsync(c => c.Hash == hash, cancellation) is { } known) return known.ContentSid;

        var actions = JsonSerializer.Deserialize<List<Dictionary<string, string>>>(buttonsJson)!
            .Select(a => new ContentResource.QuickReplyAction.Builder().WithTitle(a["title"]).WithId(a["id"]).Build()).ToList();
        var request = new ContentResource.ContentCreateRequest.Builder()
            .WithFriendlyName("safechat_" + hash[..16].ToLowerInvariant())
            .WithLanguage("nl")
            .WithTypes(new ContentResource.Types.Builder()
                .WithTwilioQuickReply(new ContentResource.TwilioQuickReply.Builder().WithBody(body).WithActions(actions).Build())
                .WithTwilioText(new ContentResource.TwilioText.Builder().WithBody(body).Build())
                .Build())
            .Build();
        string sid;
        try
        {
            sid = (await ContentResource.CreateAsync(request, clients.Create())).Sid;
        }
        catch (Exception failure) when (failure is ApiException or ApiConnectionException)
        {
            // Twilio refused the content or could not be reached: the message goes out as text with numbered choices
            // instead, rather than holding up every message behind it.
            return null;
        }
        db.WhatsAppContents.Add(new WhatsAppContentRecord { Hash = hash, ContentSid = sid, CreatedAt = clock.GetUtcNow().UtcDateTime });
        try { await db.SaveChangesAsync(cancellation); }
        catch (DbUpdateException) { /* another instance stored the same content first; either SID works */ }
        return sid;
    }
}
