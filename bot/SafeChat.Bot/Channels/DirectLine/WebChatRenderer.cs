using System.Text.Json;
using SafeChat.Dialogs.Activities;
using SafeChat.Dialogs.Engine;

namespace SafeChat.Bot.Channels.DirectLine;

/// <summary>
/// Web Chat rendering: choices stay suggested actions; a help-line contact becomes a hero card with a
/// tappable tel: button (and the website), so calling 112 is one tap.
/// </summary>
public sealed class WebChatRenderer(IReadOnlyCollection<string> channels) : IChannelRenderer
{
    public const string HeroCard = "application/vnd.microsoft.card.hero";

    /// <summary>SafeChat's own Web Chat and Direct Line.</summary>
    public WebChatRenderer() : this([DirectLineChannel.WebChat, DirectLineChannel.DirectLine]) { }

    /// <summary>Also the channels of Azure Bot Service that show suggested actions and hero cards (Telegram, Facebook, …).</summary>
    public IReadOnlyCollection<string> Channels { get; } = channels;

    public Activity Render(Activity neutral)
    {
        if (neutral.Attachments is not { Count: > 0 } attachments) return neutral;
        neutral.Attachments = attachments.Select(a => ContactCard.From(a) is { } card ? Hero(card) : a).ToList();
        return neutral;
    }

    private static Attachment Hero(ContactCard card)
    {
        var buttons = new List<CardAction>();
        if (card.Phone is not null) buttons.Add(CardAction.Open(CardActionTypes.Call, card.CallLabel, "tel:" + Dialable(card.Phone)));
        if (card.Url is not null) buttons.Add(CardAction.Open(CardActionTypes.OpenUrl, card.WebsiteLabel, card.Url));
        var content = new { title = card.Name, subtitle = card.Phone, text = card.Hours, buttons };
        return new Attachment { ContentType = HeroCard, Content = JsonSerializer.SerializeToElement(content, ActivityJson.Options) };
    }

    /// <summary>The directory writes 0800-0188 for people; a tel: link wants the digits only.</summary>
    private static string Dialable(string phone) => new(phone.Where(c => char.IsDigit(c) || c == '+').ToArray());
}
