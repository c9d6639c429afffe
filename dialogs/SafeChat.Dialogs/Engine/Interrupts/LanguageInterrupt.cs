using System.Text.Json;
using SafeChat.Dialogs.Activities;
using SafeChat.Dialogs.Content;

namespace SafeChat.Dialogs.Engine.Interrupts;

/// <summary>
/// "English", "Nederlands", "andere taal", or the web page's language switch (an event):
/// switch language and ask the waiting question again in the new one.
/// </summary>
public sealed class LanguageInterrupt(ContentCatalog content) : IInterrupt
{
    public const string EventName = "safechat/language";

    public bool TryHandle(TurnContext turn, DialogRunner runner)
    {
        var language = Requested(turn);
        if (language is null) return false;

        turn.State.Language = language;
        turn.LanguageFollowed = false; // this says it itself
        turn.Say("language.switched");
        if (!runner.Reprompt() && turn.State.Active is null) runner.StartOver();
        return true;
    }

    private string? Requested(TurnContext turn)
    {
        if (turn.Inbound.Type == ActivityTypes.Event)
        {
            var value = turn.Inbound.Value is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;
            return turn.Inbound.Name == EventName && value is not null && content.Has(value) ? value : null;
        }
        var text = turn.NormalizedText;
        if (text.Length == 0) return null;
        var selected = content.Packs.FirstOrDefault(p => p.SelectWords.Contains(text));
        if (selected is not null) return selected.Language;
        // "sorry can we do english? my dutch is not good": a language named in a message that asks for nothing else.
        if (turn.Triage.Signals.Count == 0)
        {
            var words = text.Split([' ', ',', '.', '!', '?', ';', ':'], StringSplitOptions.RemoveEmptyEntries);
            var named = content.Packs.Where(p => p.SelectWords.Any(w => !w.Contains(' ') && w.Length > 2 && words.Contains(w))).ToList();
            // "can I continue in English? my Dutch is not good" names two: the words of the message decide (already done).
            if (named.Count == 1 && named[0].Language != turn.State.Language && words.Length <= 12) return named[0].Language;
            if (named.Count > 0 && turn.LanguageFollowed) return turn.State.Language;
        }
        var asksOther = content.Packs.Any(p => p.Commands.GetValueOrDefault("language")?.Contains(text) == true);
        return asksOther ? Next(turn.State.Language) : null;
    }

    private string Next(string current)
    {
        var languages = content.Languages.Order().ToList();
        return languages[(languages.IndexOf(current) + 1) % languages.Count];
    }
}
