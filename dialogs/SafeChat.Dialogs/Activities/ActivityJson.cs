using System.Text.Json;
using System.Text.Json.Serialization;

namespace SafeChat.Dialogs.Activities;

/// <summary>The one JSON dialect for activities: camelCase, nulls omitted (spec A2004).</summary>
public static class ActivityJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(Activity activity) => JsonSerializer.Serialize(activity, Options);

    public static Activity Deserialize(string json) =>
        JsonSerializer.Deserialize<Activity>(json, Options) ?? throw new JsonException("An activity cannot be null.");
}
