using SafeChat.Dialogs.Activities;
using SafeChat.Dialogs.Content;
using SafeChat.Dialogs.Engine;

namespace SafeChat.Bot.Channels.Twilio;

/// <summary>
/// SMS and WhatsApp rendering of the engine's neutral activities: choices become a numbered list ("Antwoord 1,
/// 2 of 3" — a reply is matched by number or by word), help lines are written out with their number. On WhatsApp
/// up to three short choices stay buttons (quick replies), which the outbox sends as Content API content.
/// </summary>
public sealed class TextChannelRenderer(ContentCatalog content, string channel) : IChannelRenderer
{
    /// <summary>WhatsApp's limits for quick replies sent within a conversation.</summary>
    public const int MaxButtons = 3, MaxButtonTitle = 20;

    public IReadOnlyCollection<string> Channels { get; } = [channel];

    public Activity Render(Activity neutral)
    {
        var language = neutral.Locale ?? ContentCatalog.DefaultLanguage;
        var lines = new List<string>();
        if (!string.IsNullOrWhiteSpace(neutral.Text)) lines.Add(Signed(neutral));
        foreach (var card in (neutral.Attachments ?? []).Select(ContactCard.From).OfType<ContactCard>())
            lines.Add(Line(card, string.Join("\n", lines)));
        if (channel == TwilioChannels.WhatsApp && neutral.SuggestedActions?.Actions is { Count: > 0 and <= MaxButtons } buttons
            && buttons.All(b => b.Title is { Length: <= MaxButtonTitle }))
            return new Activity { Type = ActivityTypes.Message, From = neutral.From, Locale = language, Text = string.Join("\n", lines), SuggestedActions = neutral.SuggestedActions };
        if (neutral.SuggestedActions?.Actions is { Count: > 0 } actions)
        {
            lines.AddRange(actions.Select((a, i) => $"{i + 1}. {a.Title}"));
            lines.Add(content.Text(language, "choices.reply-with", new Dictionary<string, string> { ["numbers"] = Numbers(language, actions.Count) }));
        }
        return new Activity { Type = ActivityTypes.Message, From = neutral.From, Locale = language, Text = SmsText.PreferGsm(string.Join("\n", lines)) };
    }

    /// <summary>
    /// A text message shows no sender, so a team member's message starts with their first name: the person can tell the
    /// human from the bot. The sender stays on the activity, so the staff transcript knows it too.
    /// </summary>
    private static string Signed(Activity neutral) =>
        neutral.From is { Id: Staff.Live.LiveService.TeamMember, Name: { Length: > 0 } name } ? $"{name}: {neutral.Text}" : neutral.Text!;

    /// <summary>
    /// A help line written out: its number once in the whole message (the text may have given it already), with its
    /// hours and what it costs, since an SMS has no card to show them on.
    /// </summary>
    private static string Line(ContactCard card, string soFar)
    {
        if (card.Phone is not { } phone) return $"{card.Name}: {card.Url}. {card.Hours}";
        var name = card.Name.Replace(phone, "").Trim();
        return soFar.Contains(phone) ? $"{name}: {card.Hours}" : $"{name}: {card.CallLabel}. {card.Hours}";
    }

    private string Numbers(string language, int count) =>
        count == 1 ? "1" : string.Join(", ", Enumerable.Range(1, count - 1)) + " " + content.Text(language, "word.or") + " " + count;
}
