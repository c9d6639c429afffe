using System.Text.Json;
using System.Text.Json.Serialization;

namespace SafeChat.Dialogs.Engine;

/// <summary>
/// The state as it is kept between turns: JSON in the web's conventions (camelCase names, numbers as numbers), read and
/// written by code the compiler generates for these types. Every turn reads the state and writes it back; done by
/// reflection that was about 4 % of the host's CPU in a closed loop (seventeenth round). The text is the same either way,
/// so states stored before still read (a test compares the two).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ConversationState))]
public sealed partial class ConversationStateJson : JsonSerializerContext
{
    public static string Write(ConversationState state) => JsonSerializer.Serialize(state, Default.ConversationState);

    /// <summary>The state in <paramref name="json"/>; "{}" (a new conversation) reads as a new state.</summary>
    public static ConversationState Read(string json) => JsonSerializer.Deserialize(json, Default.ConversationState) ?? new ConversationState();
}
