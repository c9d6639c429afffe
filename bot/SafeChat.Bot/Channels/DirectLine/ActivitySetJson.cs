using System.Text.Json;
using SafeChat.Bot.Conversations;

namespace SafeChat.Bot.Channels.DirectLine;

/// <summary>
/// Writes {"activities":[…],"watermark":"N"} straight from the stored JSON, so what the client sent
/// comes back byte for byte (channelData untouched).
/// </summary>
public static class ActivitySetJson
{
    public static byte[] Write(ActivityPage page)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("activities");
            foreach (var json in page.Json) writer.WriteRawValue(json, skipInputValidation: true);
            writer.WriteEndArray();
            writer.WriteString("watermark", page.Watermark.ToString(System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    public static IResult Result(ActivityPage page) => Results.Bytes(Write(page), "application/json");

    /// <summary>Watermarks are our sequence numbers as strings; empty or unreadable means "from the start".</summary>
    public static long ParseWatermark(string? watermark) =>
        long.TryParse(watermark, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seq) ? seq : 0;
}
