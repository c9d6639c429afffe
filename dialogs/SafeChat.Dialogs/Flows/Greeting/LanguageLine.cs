using SafeChat.Dialogs.Engine;

namespace SafeChat.Dialogs.Flows.Greeting;

/// <summary>
/// Under the greeting, every other language by its own name ("Andere taal? Other language? English · Türkçe · العربية"):
/// someone who reads little Dutch sees their own language at once, and typing or tapping its name switches.
/// </summary>
public static class LanguageLine
{
    public static void Add(TurnContext turn)
    {
        if (turn.Content.Languages.Count() < 2) return;
        turn.SayBeforeQuestion("language.others", new Dictionary<string, string> { ["languages"] = turn.Content.Names(except: turn.Language) });
    }
}
