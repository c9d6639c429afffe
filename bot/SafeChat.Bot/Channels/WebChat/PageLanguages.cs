using System.Text.Json;
using SafeChat.Dialogs.Content;

namespace SafeChat.Bot.Channels.WebChat;

/// <summary>
/// What the chat page needs of every offered language, from its module: its name in its own script, culture and
/// writing direction for Web Chat, and the page's own words (the exit button, the hint, the send box). The default
/// language comes first.
/// </summary>
public static class PageLanguages
{
    public sealed record PageLanguage(string Code, string Name, string Culture, string Dir, string Exit, string Hint,
        string Placeholder, string Unavailable, string Label);

    public static IReadOnlyList<PageLanguage> Of(ContentCatalog content) => content.Offered
        .Select(p => new PageLanguage(p.Language, p.Name, content.Text(p.Language, "language.culture"), p.IsRightToLeft ? "rtl" : "ltr",
            content.Text(p.Language, "page.exit"), content.Text(p.Language, "page.hint"), content.Text(p.Language, "page.placeholder"),
            content.Text(p.Language, "page.unavailable"), content.Text(p.Language, "page.language")))
        .ToList();

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static string Json(ContentCatalog content) => JsonSerializer.Serialize(Of(content), JsonOptions);
}
