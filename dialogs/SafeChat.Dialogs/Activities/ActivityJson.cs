using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace SafeChat.Dialogs.Activities;

/// <summary>The one JSON dialect for activities: camelCase, nulls omitted (spec A2004).</summary>
public static class ActivityJson
{
    /// <summary>The dialect for any type (cards, references): the generated code's settings, read by reflection. The
    /// settings are written once, on <see cref="GeneratedActivityJson"/>.</summary>
    public static readonly JsonSerializerOptions Options = new(GeneratedActivityJson.Default.Options)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    // An activity itself is read and written by code the compiler generates (every message and reply is, several times a
    // turn; by reflection that was about 3 % of the host's CPU in a closed loop). Same dialect, same text (a test compares).
    public static string Serialize(Activity activity) => JsonSerializer.Serialize(activity, GeneratedActivityJson.Default.Activity);

    public static Activity Deserialize(string json) =>
        JsonSerializer.Deserialize(json, GeneratedActivityJson.Default.Activity) ?? throw new JsonException("An activity cannot be null.");

    /// <summary>An activity from UTF-8 bytes (a request body read whole); null for the JSON literal null. A byte-order mark
    /// before it is skipped, as a stream reader skips it.</summary>
    public static Activity? Deserialize(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize(utf8.StartsWith(ByteOrderMark) ? utf8[ByteOrderMark.Length..] : utf8, GeneratedActivityJson.Default.Activity);

    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>An activity read from a request body.</summary>
    public static async ValueTask<Activity?> DeserializeAsync(Stream body, CancellationToken cancellation) =>
        await JsonSerializer.DeserializeAsync(body, GeneratedActivityJson.Default.Activity, cancellation);
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Activity))]
internal sealed partial class GeneratedActivityJson : JsonSerializerContext;
