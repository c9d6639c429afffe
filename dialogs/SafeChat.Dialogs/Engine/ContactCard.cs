using System.Text.Json;
using SafeChat.Dialogs.Activities;
using SafeChat.Dialogs.Content;

namespace SafeChat.Dialogs.Engine;

/// <summary>
/// A help line from the service directory, as a channel-neutral attachment. Web chat shows it as a
/// card with a tappable call button; text channels write the number out.
/// </summary>
public sealed record ContactCard(string Key, string Name, string? Phone, string? Url, string Hours, string CallLabel, string WebsiteLabel)
{
    public const string ContentType = "application/vnd.safechat.contact+json";

    public static Attachment Create(ContentCatalog content, string language, string serviceKey)
    {
        var service = content.Directory[serviceKey];
        var card = new ContactCard(
            serviceKey,
            service.NameIn(language),
            service.Phone,
            service.Url,
            service.HoursIn(language),
            service.Phone is null ? "" : content.Text(language, "contact.call", new Dictionary<string, string> { ["phone"] = service.Phone }),
            content.Text(language, "contact.website"));
        return new Attachment { ContentType = ContentType, Content = JsonSerializer.SerializeToElement(card, ActivityJson.Options) };
    }

    public static ContactCard? From(Attachment attachment) =>
        attachment.ContentType == ContentType && attachment.Content is { } content
            ? content.Deserialize<ContactCard>(ActivityJson.Options)
            : null;
}
