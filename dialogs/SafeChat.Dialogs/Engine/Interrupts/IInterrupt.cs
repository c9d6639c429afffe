namespace SafeChat.Dialogs.Engine.Interrupts;

/// <summary>
/// Checked on every turn, before the active step. Returns true when it has dealt with the message,
/// so the waiting prompt does not also see it.
/// </summary>
public interface IInterrupt
{
    bool TryHandle(TurnContext turn, DialogRunner runner);
}

public static class DefaultInterrupts
{
    /// <summary>Order matters: a live chat first (the bot stays quiet but for 112 and 113), then safety before
    /// everything, then language, then commands.</summary>
    public static IEnumerable<IInterrupt> For(Content.ContentCatalog content, string menuDialog) =>
    [
        new Live.LiveInterrupt(), // while a person holds the chat, only its own safety net
        new SafetyInterrupt(),
        new LanguageInterrupt(content),
        new MediaInterrupt(),
        new ReportStatusInterrupt(),
        new CommandInterrupt(content, menuDialog),
    ];
}
