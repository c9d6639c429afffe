using System.Collections.Concurrent;
using SafeChat.Dialogs.Content;
using SafeChat.Dialogs.Triage;

namespace SafeChat.Dialogs.Engine;

/// <summary>
/// Triage of the phrases SafeChat itself offers (button labels and other short texts, command words, choice synonyms,
/// in every language) is read once per conversation language and remembered: most messages are taps on a button, and
/// triage is the costliest step of a turn. Anything else a person writes is read afresh and not kept. Triage is a pure
/// function of the text and the language, so a remembered result is the result.
/// </summary>
public sealed class RememberedTriage : ITriage
{
    /// <summary>Longer texts are sentences the bot says, not buttons.</summary>
    private const int MaxPhraseLength = 60;

    private readonly ITriage _triage;
    private readonly HashSet<string> _phrases;
    private readonly ConcurrentDictionary<(string Text, string? Language), TriageResult> _remembered = new();

    public RememberedTriage(ITriage triage, ContentCatalog content)
    {
        _triage = triage;
        _phrases = content.Packs
            .SelectMany(p => p.Texts.Values.Where(t => t.Length <= MaxPhraseLength && !t.Contains('{'))
                .Concat(p.Commands.Values.SelectMany(words => words))
                .Concat(p.Synonyms.Values.SelectMany(words => words))
                .Append(p.Name))
            .ToHashSet(StringComparer.Ordinal);
    }

    public TriageResult Recognize(string text, string? language = null) =>
        _phrases.Contains(text)
            ? _remembered.GetOrAdd((text, language), key => _triage.Recognize(key.Text, key.Language))
            : _triage.Recognize(text, language);
}
