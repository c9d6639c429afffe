using System.Text.Json;
using SafeChat.Dialogs.Activities;

namespace SafeChat.Bot.Channels.BotFramework;

/// <summary>
/// In a Teams group chat a message reaches the bot only when it is @mentioned, and the mention ("&lt;at&gt;SafeChat&lt;/at&gt;")
/// is part of the text. It is taken out, so triage reads what the person said.
/// </summary>
public static class TeamsMentions
{
    public static string? Strip(Activity activity)
    {
        var text = activity.Text;
        if (text is null || activity.Entities is null) return text;
        foreach (var entity in activity.Entities)
        {
            if (entity.ValueKind != JsonValueKind.Object || !entity.TryGetProperty("type", out var type) || type.GetString() != "mention") continue;
            if (!entity.TryGetProperty("mentioned", out var mentioned) || !mentioned.TryGetProperty("id", out var id)) continue;
            if (id.GetString() != activity.Recipient?.Id || !entity.TryGetProperty("text", out var shown)) continue;
            text = text.Replace(shown.GetString() ?? "", "", StringComparison.Ordinal);
        }
        return text.Trim();
    }
}
