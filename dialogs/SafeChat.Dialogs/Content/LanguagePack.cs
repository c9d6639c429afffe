using System.Text.Json;

namespace SafeChat.Dialogs.Content;

/// <summary>
/// One language's file: its texts, the command words that work in it, the words that select it,
/// and synonyms for choice ids ("j" for yes). Adding a language is adding such a file.
/// </summary>
public sealed class LanguagePack
{
    public required string Language { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<string> SelectWords { get; init; } = [];
    public IReadOnlyDictionary<string, List<string>> Commands { get; init; } = new Dictionary<string, List<string>>();
    public IReadOnlyDictionary<string, List<string>> Synonyms { get; init; } = new Dictionary<string, List<string>>();
    public required IReadOnlyDictionary<string, string> Texts { get; init; }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static LanguagePack Load(Stream json) =>
        JsonSerializer.Deserialize<LanguagePack>(json, JsonOptions)
        ?? throw new InvalidDataException("A language file is empty.");
}
