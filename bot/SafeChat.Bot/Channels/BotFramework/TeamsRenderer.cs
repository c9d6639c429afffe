using System.Text.Json;
using SafeChat.Bot.Channels.DirectLine;
using SafeChat.Dialogs.Activities;
using SafeChat.Dialogs.Engine;

namespace SafeChat.Bot.Channels.BotFramework;

/// <summary>
/// Teams: suggested actions show only in one-to-one chats, so choices become buttons on a hero card (imBack: a tap
/// sends the choice as the person's message), which every Teams chat shows. Teams opens no tel: links, so a help line's
/// number is written on its card, where it can be read and copied; the website stays a button.
/// </summary>
public sealed class TeamsRenderer : IChannelRenderer
{
    public IReadOnlyCollection<string> Channels { get; } = [BotFrameworkChannels.Teams];

    public Activity Render(Activity neutral)
    {
        var attachments = (neutral.Attachments ?? []).Select(a => ContactCard.From(a) is { } card ? Contact(card) : a).ToList();
        if (neutral.SuggestedActions?.Actions is { Count: > 0 } choices)
        {
            var buttons = choices.Select(c => CardAction.ImBack(c.Title!)).ToList();
            attachments.Add(Hero(new { buttons }));
            neutral.SuggestedActions = null;
        }
        neutral.Attachments = attachments.Count > 0 ? attachments : null;
        return neutral;
    }

    private static Attachment Contact(ContactCard card)
    {
        var buttons = card.Url is null ? new List<CardAction>() : [CardAction.Open(CardActionTypes.OpenUrl, card.WebsiteLabel, card.Url)];
        return Hero(new { title = card.Name, subtitle = card.Phone, text = card.Hours, buttons });
    }

    private static Attachment Hero(object content) =>
        new() { ContentType = WebChatRenderer.HeroCard, Content = JsonSerializer.SerializeToElement(content, ActivityJson.Options) };
}
