namespace SafeChat.Bot.Channels.BotFramework;

/// <summary>
/// How SafeChat names a Bot Framework conversation's channel: after how it must be shown. Teams (hero-card buttons
/// instead of suggested actions, which group chats do not show; phone numbers as text), channels that show only text
/// (e-mail, SMS through Azure), and the rest, which show suggested actions and cards.
/// </summary>
public static class BotFrameworkChannels
{
    public const string Teams = "msteams";
    public const string TextOnly = "botframework-text";
    public const string Cards = "botframework";

    private static readonly HashSet<string> ShowOnlyText = ["email", "sms", "groupme", "kik", "twilio-sms"];

    public static IReadOnlyCollection<string> All { get; } = [Teams, TextOnly, Cards];

    public static string For(string channelId) =>
        channelId == Teams ? Teams : ShowOnlyText.Contains(channelId) ? TextOnly : Cards;
}
