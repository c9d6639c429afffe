using System.Text.Json;
using System.Text.Json.Serialization;

namespace SafeChat.Dialogs.Activities;

public sealed class Attachment
{
    public string ContentType { get; set; } = "";
    public string? ContentUrl { get; set; }
    public JsonElement? Content { get; set; }
    public string? Name { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
