using System.Text.Json;
using SafeChat.Dialogs.Activities;
using SafeChat.Dialogs.Content;

namespace SafeChat.Dialogs.Engine.Interrupts;

/// <summary>
/// A language's name in any script ("English", "Türkçe", "العربية"), the number or button of one from the list that
/// "andere taal" shows, or the web page's language switch (an event): switch language and ask the waiting question
/// again in the new one. "Andere taal" / "other language" itself lists every language by its own name.
/// </summary>
public sealed class LanguageInterrupt(ContentCatalog content) : IInterrupt
{
    public const string EventName = "safechat/language";

    /// <summary>The id a language's button carries (WhatsApp sends it back instead of the label).</summary>
    private const string ChoicePrefix = "language-";

    public bool TryHandle(TurnContext turn, DialogRunner runner)
    {
        var offered = turn.State.OfferedLanguages;
        turn.State.OfferedLanguages = null; // a number means a language only right after the list
        if (AsksForList(turn))
        {
            ListLanguages(turn);
            return true;
        }
        var language = Requested(turn, offered);
        if (language is null) return false;

        turn.State.Language = language;
        turn.State.LanguageSettled = true;
        turn.LanguageFollowed = false; // this says it itself
        turn.Say("language.switched");
        if (!runner.Reprompt() && turn.State.Active is null) runner.StartOver();
        return true;
    }

    private bool AsksForList(TurnContext turn) =>
        turn.Inbound.Type == ActivityTypes.Message && turn.NormalizedText is { Length: > 0 } text
        && content.Packs.Any(p => p.IsCommand("language", text));

    /// <summary>Every other language by its own name, the default first; "2" or a tap picks one.</summary>
    private void ListLanguages(TurnContext turn)
    {
        var others = content.Offered.Where(p => p.Language != turn.Language).ToList();
        turn.State.OfferedLanguages = others.Select(p => p.Language).ToList();
        turn.Offer("language.choose", others.Select(p => (p.Name, ChoicePrefix + p.Language)).ToList());
    }

    private string? Requested(TurnContext turn, List<string>? offered)
    {
        if (turn.Inbound.Type == ActivityTypes.Event)
        {
            var value = turn.Inbound.Value is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;
            return turn.Inbound.Name == EventName && value is not null && content.Has(value) ? value : null;
        }
        var text = turn.NormalizedText;
        if (text.Length == 0) return null;
        if (text.StartsWith(ChoicePrefix, StringComparison.Ordinal) && content.Has(text[ChoicePrefix.Length..])) return text[ChoicePrefix.Length..];
        if (offered is not null && int.TryParse(text, out var number) && number >= 1 && number <= offered.Count && content.Has(offered[number - 1]))
            return offered[number - 1];
        var selected = content.Packs.FirstOrDefault(p => p.IsSelectedBy(text));
        if (selected is not null) return selected.Language;
        // "sorry can we do english? my dutch is not good": a language named in a message that asks for nothing else.
        if (turn.Triage.Signals.Count == 0)
        {
            var words = text.Split([' ', ',', '.', '!', '?', ';', ':'], StringSplitOptions.RemoveEmptyEntries);
            var asked = AskedFor(turn, text);
            var named = content.Packs.Where(p => p.SelectWords.Zip(p.SelectWordsNormalized)
                .Any(w => !w.First.Contains(' ') && w.First.Length > 2 && asked.Contains(w.Second))).ToList();
            // "can I continue in English? my Dutch is not good" names two: the words of the message decide (already done).
            if (named.Count == 1 && named[0].Language != turn.State.Language && words.Length <= 12) return named[0].Language;
            if (named.Count > 0 && turn.LanguageFollowed) return turn.State.Language;
        }
        return null;
    }

    /// <summary>The words of the message that may name a language asked for: each, once, not shortly after "without" or
    /// "not" in its own clause ("can I do it without speaking Dutch?", "ik spreek niet zo goed Engels"; "I don't speak Dutch,
    /// English please" asks for English). Worked out once per message, not once per language name (a profile found that).</summary>
    private static HashSet<string> AskedFor(TurnContext turn, string text)
    {
        var asked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var clause in text.Split([',', '.', '!', '?', ';', ':'], StringSplitOptions.RemoveEmptyEntries))
        {
            var words = clause.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var lastDenial = -NotAskedReach - 1; // none yet
            for (var at = 0; at < words.Length; at++)
            {
                if (at - lastDenial > NotAskedReach) asked.Add(words[at]);
                if (turn.Understander.DeniesLanguage(words[at])) lastDenial = at;
            }
        }
        return asked;
    }

    private const int NotAskedReach = 4;
}
