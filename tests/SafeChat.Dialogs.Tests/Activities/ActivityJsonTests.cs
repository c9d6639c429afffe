using System.Text.Json;
using SafeChat.Dialogs.Activities;

namespace SafeChat.Dialogs.Tests.Activities;

/// <summary>The generated reader and writer of <see cref="ActivityJson"/> speak the dialect reflection spoke with
/// <see cref="ActivityJson.Options"/>: stored activities read the same, and clients get the same text.</summary>
public class ActivityJsonTests
{
    private const string FromAClient = """
        {"type":"message","id":"abc","timestamp":"2026-12-05T02:03:04.5678+01:00","localTimestamp":"2026-12-05T02:03:04+01:00",
         "localTimezone":"Europe/Amsterdam","channelId":"webchat","from":{"id":"u1","name":"Sam","role":"user","aadObjectId":"x"},
         "recipient":{"id":"bot"},"conversation":{"id":"c1","isGroup":false},"replyToId":"r0","text":"hoi \u00e9\u00e9n <b>",
         "textFormat":"plain","locale":"nl-NL","inputHint":"acceptingInput",
         "suggestedActions":{"to":["u1"],"actions":[{"type":"imBack","title":"Ja","value":"ja","image":"i.png"}]},
         "attachments":[{"contentType":"application/vnd.microsoft.card.hero","content":{"title":"T","buttons":[{"type":"call","value":"tel:112"}]},"name":"n","thumbnailUrl":"t"}],
         "attachmentLayout":"list","entities":[{"type":"ClientCapabilities","requiresBotState":true}],"channelData":{"clientActivityID":"x1"},
         "name":"safechat/language","value":{"a":[1,2.5,null,true]},"membersAdded":[{"id":"u1"}],"membersRemoved":[{"id":"u2"}],
         "unknownField":{"kept":"yes"},"speak":"hallo"}
        """;

    [Fact]
    public void Generated_and_reflection_json_are_the_same_text_both_ways()
    {
        var byReflection = JsonSerializer.Deserialize<Activity>(FromAClient, ActivityJson.Options)!;
        var generated = ActivityJson.Deserialize(FromAClient);
        var text = ActivityJson.Serialize(generated);

        Assert.Equal(JsonSerializer.Serialize(byReflection, ActivityJson.Options), text);
        Assert.Equal(text, JsonSerializer.Serialize(JsonSerializer.Deserialize<Activity>(text, ActivityJson.Options), ActivityJson.Options));
        Assert.Equal(text, ActivityJson.Serialize(ActivityJson.Deserialize(System.Text.Encoding.UTF8.GetBytes(text))!));
        Assert.Contains("\"unknownField\":{\"kept\":\"yes\"}", text); // what the schema does not name goes on unchanged
        // A body with a byte-order mark, as some HTTP clients send it, reads as a stream reader reads it.
        var marked = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(System.Text.Encoding.UTF8.GetBytes(FromAClient)).ToArray();
        Assert.Equal(text, ActivityJson.Serialize(ActivityJson.Deserialize(marked)!));
        Assert.Equal(text, JsonSerializer.Serialize(JsonSerializer.Deserialize<Activity>(new MemoryStream(marked), ActivityJson.Options), ActivityJson.Options));
        Assert.Contains("\"timestamp\":\"2026-12-05T01:03:04.567Z\"", text);

        var reply = Activity.Message("antwoord");
        reply.Timestamp = new DateTimeOffset(2026, 12, 5, 1, 2, 3, TimeSpan.Zero);
        Assert.Equal(JsonSerializer.Serialize(reply, ActivityJson.Options), ActivityJson.Serialize(reply));
    }

    [Fact]
    public void Json_that_is_not_an_activity_is_refused_the_same_way()
    {
        foreach (var wrong in new[] { "", "[1]", "{\"type\":5}", "{\"text\":\"a\"" })
        {
            var byReflection = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<Activity>(wrong, ActivityJson.Options));
            var generated = Assert.ThrowsAny<JsonException>(() => ActivityJson.Deserialize(System.Text.Encoding.UTF8.GetBytes(wrong)));
            Assert.Equal(byReflection.Path, generated.Path);
        }
    }

    [Fact]
    public void Timestamps_are_written_in_utc_to_the_millisecond_cut_not_rounded()
    {
        var random = new Random(20261205);
        var times = new List<DateTimeOffset>
        {
            new DateTimeOffset(2026, 12, 31, 23, 59, 59, 999, TimeSpan.Zero).AddTicks(9999), new(1, 1, 1, 0, 0, 0, TimeSpan.Zero),
            new(2026, 3, 29, 2, 30, 0, TimeSpan.FromHours(2)), new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero),
        };
        for (var i = 0; i < 500; i++)
            times.Add(new DateTimeOffset(random.NextInt64(DateTime.MinValue.AddDays(1).Ticks, DateTime.MaxValue.AddDays(-1).Ticks), TimeSpan.FromMinutes(random.Next(-14 * 60, 14 * 60 + 1))));
        foreach (var time in times)
        {
            var json = ActivityJson.Serialize(new Activity { Timestamp = time });
            Assert.Contains($"\"timestamp\":\"{time.UtcDateTime.ToString(UtcMillisecondsConverter.Format, System.Globalization.CultureInfo.InvariantCulture)}\"", json);
        }
    }
}
