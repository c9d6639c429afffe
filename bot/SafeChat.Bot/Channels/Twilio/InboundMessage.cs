using System.Globalization;
using System.Text.Json;
using SafeChat.Dialogs.Activities;
using SafeChat.Dialogs.Engine.Interrupts;
using SafeChat.Dialogs.Reports;

namespace SafeChat.Bot.Channels.Twilio;

/// <summary>
/// Maps a Twilio webhook to an activity. A button tap answers with its id; a shared location becomes a ~250 m grid
/// cell (the coordinates are dropped here); media is not downloaded; ProfileName is never read.
/// </summary>
public static class InboundMessage
{
    public const string GridCellEntity = SafeChat.Dialogs.Engine.TurnContext.GridCellEntity;

    public static Activity From(IFormCollection form, string channel, string userId)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = channel,
            From = new ChannelAccount { Id = userId },
            Text = NonEmpty(form["ButtonPayload"]) ?? NonEmpty(form["Body"]),
        };
        if (double.TryParse(form["Latitude"], NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude) &&
            double.TryParse(form["Longitude"], NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude))
            activity.Entities = [JsonSerializer.SerializeToElement(new { type = GridCellEntity, cell = GridCell.Of(latitude, longitude) })];
        if (int.TryParse(form["NumMedia"], out var media) && media > 0)
            activity.Attachments = [new Attachment { ContentType = MediaInterrupt.IgnoredMedia }];
        return activity;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
