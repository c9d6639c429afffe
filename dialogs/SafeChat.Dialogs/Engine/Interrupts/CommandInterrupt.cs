using SafeChat.Dialogs.Content;

namespace SafeChat.Dialogs.Engine.Interrupts;

/// <summary>menu, restart, help, back and stop: whole-message commands in any language, anywhere.</summary>
public sealed class CommandInterrupt(ContentCatalog content, string menuDialog) : IInterrupt
{
    public bool TryHandle(TurnContext turn, DialogRunner runner)
    {
        switch (CommandIn(turn.NormalizedText))
        {
            case "menu":
                runner.EndAll();
                runner.Begin(menuDialog);
                return true;
            case "restart":
                runner.StartOver();
                return true;
            case "help":
                turn.Say("help.text", contacts: ["emergency"]);
                if (!runner.Reprompt() && turn.State.Active is null) runner.StartOver();
                return true;
            case "back":
                if (!runner.Back())
                {
                    turn.Say("back.none");
                    runner.Reprompt();
                }
                return true;
            case "erase":
                runner.EndAll();
                runner.Begin(Flows.Flow.Erase);
                return true;
            case "stop":
                runner.EndAll();
                turn.Say("stop.done");
                turn.Say("trace." + turn.Channel.Key());
                return true;
            default:
                return false;
        }
    }

    private string? CommandIn(string text) =>
        text.Length == 0
            ? null
            : content.Packs.Select(p => p.CommandFor(text)).FirstOrDefault(c => c is not null);
}
