using SafeChat.Dialogs.Content;

namespace SafeChat.Dialogs.Engine.Prompts;

/// <summary>
/// Finds which choice a reply means: its number, its label in any language, or a synonym (<see cref="Match"/>); or,
/// as a weaker reading tried only after everything else, a reply that starts with one (<see cref="MatchFirstWord"/>:
/// "Gebaren en zo").
/// </summary>
public sealed class ChoiceMatcher(ContentCatalog content)
{
    public ChoiceOption? Match(PendingPrompt prompt, string? reply)
    {
        var text = TextNormalizer.Normalize(reply);
        if (text.Length == 0) return null;

        if (int.TryParse(text, out var number) && number >= 1 && number <= prompt.Choices.Count)
            return prompt.Choices[number - 1];

        var exact = prompt.Choices.Where(c => WordsFor(c).Contains(text)).ToList();
        return exact.Count == 1 ? exact[0] : null;
    }

    public ChoiceOption? MatchFirstWord(PendingPrompt prompt, string? reply)
    {
        var text = TextNormalizer.Normalize(reply);
        if (text.Length == 0) return null;
        var firstWord = text.Split([' ', ',', '.', '!', '?', ';', ':'], StringSplitOptions.RemoveEmptyEntries)[0];
        var leading = prompt.Choices.Where(c => WordsFor(c).Contains(firstWord)).ToList();
        return leading.Count == 1 ? leading[0] : null;
    }

    /// <summary>
    /// A short reply with the label or a synonym of exactly one choice inside it, as whole words ("hoe kan ik haar
    /// steunen" → "steunen"): another weak reading. Not for yes/no questions, not for words of a letter or four ("nee",
    /// "ja"), and not when the reply says no to something ("ik wil niet melden").
    /// </summary>
    public ChoiceOption? MatchWithin(PendingPrompt prompt, string? reply, Func<string, bool> negated)
    {
        var text = TextNormalizer.Normalize(reply);
        var words = text.Split([' ', ',', '.', '!', '?', ';', ':'], StringSplitOptions.RemoveEmptyEntries);
        if (prompt.IsYesNo || words.Length is 0 or > WithinWords || negated(text)) return null;
        var padded = " " + string.Join(' ', words) + " ";
        var within = prompt.Choices.Where(c => WordsFor(c).Any(w => w.Length > 4 && padded.Contains(" " + w + " ", StringComparison.Ordinal))).ToList();
        return within.Count == 1 ? within[0] : null;
    }

    private const int WithinWords = 8;

    // A choice's words depend only on its id and label: normalised once per choice, not for every reply.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Id, string LabelKey), HashSet<string>> _words = new();

    private HashSet<string> WordsFor(ChoiceOption choice) => _words.GetOrAdd((choice.Id, choice.LabelKey), _ => WordsOf(choice));

    private HashSet<string> WordsOf(ChoiceOption choice)
    {
        var words = new HashSet<string> { choice.Id };
        foreach (var pack in content.Packs)
        {
            words.Add(TextNormalizer.Normalize(content.Text(pack.Language, choice.LabelKey)));
            if (pack.Synonyms.TryGetValue(choice.Id, out var synonyms))
                words.UnionWith(synonyms.Select(TextNormalizer.Normalize));
        }
        return words;
    }
}
