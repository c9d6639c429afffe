using System.Text.Json.Serialization;

namespace SafeChat.Bot.Channels.DirectLine;

/// <summary>The Conversation object. Note expires_in: the one snake_case field in Direct Line.</summary>
public sealed record ConversationResponse(
    string ConversationId,
    string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    string? StreamUrl);

public sealed record ResourceResponse(string Id);

public sealed record TokenParameters(TokenUser? User);

public sealed record TokenUser(string? Id);
