using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SafeChat.Dialogs.Activities;

/// <summary>Writes timestamps as ISO-8601 UTC with milliseconds and a trailing Z, the form Web Chat sorts on.</summary>
public sealed class UtcMillisecondsConverter : JsonConverter<DateTimeOffset?>
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>"2026-12-05T01:02:03.4567890Z", and where its milliseconds end.</summary>
    private const int RoundTripLength = 28, Milliseconds = 23;

    /// <summary>A value that is not a date is a malformed activity (a JSON error, so a 400), never a crash.</summary>
    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType == JsonTokenType.String
            && DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
            return value;
        throw new JsonException("A timestamp must be a date and time in ISO 8601.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is null) writer.WriteNullValue();
        else
        {
            // The round-trip form ("O") is the runtime's fast path; cut to milliseconds it is this format ("fff" cuts too),
            // without a string for every timestamp of every activity written.
            Span<char> text = stackalloc char[RoundTripLength];
            value.Value.UtcDateTime.TryFormat(text, out _, "O", CultureInfo.InvariantCulture);
            text[Milliseconds] = 'Z';
            writer.WriteStringValue(text[..(Milliseconds + 1)]);
        }
    }
}
