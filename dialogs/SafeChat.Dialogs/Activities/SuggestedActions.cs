using System.Text.Json;
using System.Text.Json.Serialization;

namespace SafeChat.Dialogs.Activities;

public sealed class SuggestedActions
{
    public List<string>? To { get; set; }
    public List<CardAction> Actions { get; set; } = [];
}

public sealed class CardAction
{
    public string Type { get; set; } = CardActionTypes.ImBack;
    public string? Title { get; set; }
    public JsonElement? Value { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    public static CardAction ImBack(string title) =>
        new() { Type = CardActionTypes.ImBack, Title = title, Value = JsonSerializer.SerializeToElement(title) };

    public static CardAction Open(string type, string title, string url) =>
        new() { Type = type, Title = title, Value = JsonSerializer.SerializeToElement(url) };
}

public static class CardActionTypes
{
    public const string ImBack = "imBack";
    public const string PostBack = "postBack";
    public const string OpenUrl = "openUrl";
    public const string Call = "call";
}
