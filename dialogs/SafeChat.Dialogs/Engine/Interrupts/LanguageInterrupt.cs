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
        var asksOther = content.Packs.Any(p => p.Commands.GetValueOrDefault("language")?.Contains(text) == true);
        return asksOther ? Next(turn.State.Language) : null;
    }

    private string Next(string current)
    {
        var languages = content.Languages.Order().ToList();
        return languages[(languages.IndexOf(current) + 1) % languages.Count];
    }
}
