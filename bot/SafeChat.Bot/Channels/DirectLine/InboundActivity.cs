using System.Text.Json;
using SafeChat.Dialogs.Activities;

namespace SafeChat.Bot.Channels.DirectLine;

/// <summary>
/// Reads and checks one posted activity. The sender's identity comes from the token, not from the body. Only the fields
/// SafeChat understands are kept (text, locale, an event's name and value, channelData for the client's echo, the kind
/// of an attachment), each within a size, so a stored activity stays small whatever a client sends.
/// </summary>
public static class InboundActivity
{
    private static readonly HashSet<string> Accepted = [ActivityTypes.Message, ActivityTypes.Event, ActivityTypes.Typing];

    /// <summary>A message longer than this is refused with a clear error, not cut: nothing the person wrote is lost silently.</summary>
    public const int MaxTextCharacters = 2_000;

    /// <summary>channelData, an event's value and the entities, each as JSON.</summary>
    public const int MaxPartBytes = 4_096;

    public const int MaxAttachments = 10;

    public static async Task<(Activity? Activity, string? Problem)> ReadAsync(HttpRequest request, DirectLineCaller caller, int maxBytes)
    {
        if (request.ContentLength > maxBytes) return (null, "The activity is too large.");
        Activity? activity;
        try
        {
            using var limited = new MemoryStream();
            await request.Body.CopyToAsync(limited);
            if (limited.Length > maxBytes) return (null, "The activity is too large.");
            activity = ActivityJson.Deserialize(limited.GetBuffer().AsSpan(0, (int)limited.Length));
        }
        catch (JsonException failure)
        {
            var where = string.IsNullOrEmpty(failure.Path) || failure.Path == "$" ? "" : $" (at {failure.Path})";
            return (null, $"The body is not a valid activity{where}: it must be one JSON object of the activity schema.");
        }
        if (activity is null) return (null, "The body is empty: send one activity.");
        if (string.IsNullOrEmpty(activity.Type) || !Accepted.Contains(activity.Type))
            return (null, "Send an activity of type message, event or typing.");
        if (activity.Type == ActivityTypes.Event && string.IsNullOrEmpty(activity.Name))
            return (null, "An event needs a name.");

        if (activity.Text is { Length: > MaxTextCharacters })
            return (null, $"The message is too long: at most {MaxTextCharacters} characters. Please send it in parts.");
        if (TooLarge(activity.ChannelData) || TooLarge(activity.Value) || activity.Entities?.Sum(e => e.GetRawText().Length) > MaxPartBytes)
            return (null, $"channelData, value and entities may each hold at most {MaxPartBytes} bytes.");
        if (activity.Attachments?.Count > MaxAttachments) return (null, $"At most {MaxAttachments} attachments.");

        // The channel, not the client, sets these (spec A2031/A2041); the user id is the token's.
        var kept = new Activity
        {
            Type = activity.Type,
            ChannelId = Channels.DirectLine.DirectLineChannel.DirectLine,
            From = new ChannelAccount { Id = caller.UserId ?? Shorten(activity.From?.Id) },
            Text = activity.Text,
            TextFormat = activity.TextFormat is "plain" or "markdown" ? activity.TextFormat : null,
            Locale = Shorten(activity.Locale, 20),
            LocalTimestamp = Shorten(activity.LocalTimestamp, 40),
            LocalTimezone = Shorten(activity.LocalTimezone, 64),
            Name = Shorten(activity.Name, 100),
            Value = activity.Value,
            ChannelData = activity.ChannelData,
            Entities = activity.Entities,
            ReplyToId = Shorten(activity.ReplyToId, 100),
            // SafeChat keeps no files: only what kind of thing was sent, so the bot can say so.
            Attachments = activity.Attachments?.Select(a => new Attachment { ContentType = Shorten(a.ContentType, 100) ?? "application/octet-stream" }).ToList(),
        };
        return (kept, null);
    }

    private static bool TooLarge(JsonElement? element) => element is { } e && e.GetRawText().Length > MaxPartBytes;

    private static string? Shorten(string? value, int max = 64) => value is null ? null : value.Length <= max ? value : value[..max];
}
