using System.Text.Json;
using SafeChat.Dialogs.Activities;

namespace SafeChat.Bot.Channels.DirectLine;

/// <summary>
/// Reads and checks one posted activity. The sender's identity comes from the token, not from the body;
/// everything else (channelData above all) is kept as sent so the echo matches.
/// </summary>
public static class InboundActivity
{
    private static readonly HashSet<string> Accepted = [ActivityTypes.Message, ActivityTypes.Event, ActivityTypes.Typing];

    public static async Task<(Activity? Activity, string? Problem)> ReadAsync(HttpRequest request, DirectLineCaller caller, int maxBytes)
    {
        if (request.ContentLength > maxBytes) return (null, "The activity is too large.");
        Activity? activity;
        try
        {
            using var limited = new MemoryStream();
            await request.Body.CopyToAsync(limited);
            if (limited.Length > maxBytes) return (null, "The activity is too large.");
            limited.Position = 0;
            activity = await JsonSerializer.DeserializeAsync<Activity>(limited, ActivityJson.Options);
        }
        catch (JsonException)
        {
            return (null, "The body is not a valid activity: it must be one JSON object.");
        }
        if (activity is null) return (null, "The body is empty: send one activity.");
        if (string.IsNullOrEmpty(activity.Type) || !Accepted.Contains(activity.Type))
            return (null, "Send an activity of type message, event or typing.");
        if (activity.Type == ActivityTypes.Event && string.IsNullOrEmpty(activity.Name))
            return (null, "An event needs a name.");

        // The channel, not the client, sets these (spec A2031/A2041); the user id is the token's.
        activity.Id = null;
        activity.Timestamp = null;
        activity.ChannelId ??= Channels.DirectLine.DirectLineChannel.DirectLine;
        activity.From = new ChannelAccount { Id = caller.UserId ?? activity.From?.Id };
        return (activity, null);
    }
}
