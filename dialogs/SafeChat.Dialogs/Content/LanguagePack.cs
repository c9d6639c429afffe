using System.Text.Json;

namespace SafeChat.Dialogs.Content;

/// <summary>
/// One language's texts (Languages/&lt;code&gt;/texts.json): what the bot says, the command words that work in it, the
/// words that select it, synonyms for choice ids ("j" for yes), its writing direction and who reviewed it.
/// Adding a language is adding its module folder.
/// </summary>
public sealed class LanguagePack
{
    public required string Language { get; init; }

    /// <summary>The language's name in its own script ("Türkçe", "العربية"): how it is offered.</summary>
    public required string Name { get; init; }

    /// <summary>"rtl" for a right-to-left script: the web page turns with it.</summary>
    public string Direction { get; init; } = "ltr";

    public TextReview Review { get; init; } = new(null, null, null);
    public IReadOnlyList<string> SelectWords { get; init; } = [];
    public IReadOnlyDictionary<string, List<string>> Commands { get; init; } = new Dictionary<string, List<string>>();
    public IReadOnlyDictionary<string, List<string>> Synonyms { get; init; } = new Dictionary<string, List<string>>();
    public required IReadOnlyDictionary<string, string> Texts { get; init; }

    public bool IsRightToLeft => Direction == "rtl";

    private HashSet<string>? _selectedBy;

    /// <summary>The (normalised) message is this language's name or one of its select words ("türkçe", "turks").
    /// Normalised once: lists are written as people spell them, messages are compared without accents.</summary>
    public bool IsSelectedBy(string normalized) =>
        (_selectedBy ??= SelectWords.Append(Name).Select(Engine.TextNormalizer.Normalize).ToHashSet()).Contains(normalized);

    private IReadOnlyList<(string Command, HashSet<string> Words)>? _commandWords;
    private IReadOnlyList<string>? _selectWordsNormalized;

    /// <summary>The command the whole (normalised) message is in this language ("terug" → "back"), the first in the file's
    /// order when two share a word; null for none. Normalised once, not for every message.</summary>
    public string? CommandFor(string normalized) => CommandWords().FirstOrDefault(c => c.Words.Contains(normalized)).Command;

    /// <summary>The (normalised) message is one of the words of <paramref name="command"/> in this language.</summary>
    public bool IsCommand(string command, string normalized) => CommandWords().Any(c => c.Command == command && c.Words.Contains(normalized));

    /// <summary>The select words as messages are compared: normalised, once.</summary>
    public IReadOnlyList<string> SelectWordsNormalized => _selectWordsNormalized ??= [.. SelectWords.Select(Engine.TextNormalizer.Normalize)];

    private IReadOnlyList<(string Command, HashSet<string> Words)> CommandWords() =>
        _commandWords ??= [.. Commands.Select(c => (c.Key, c.Value.Select(Engine.TextNormalizer.Normalize).ToHashSet()))];

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static LanguagePack Load(Stream json) =>
        JsonSerializer.Deserialize<LanguagePack>(json, JsonOptions)
        ?? throw new InvalidDataException("A language file is empty.");
}

/// <summary>Who reviewed a language's texts as a native speaker, and when (both null until someone has); who wrote them.</summary>
public sealed record TextReview(string? NativeSpeaker, string? On, string? WrittenBy);
