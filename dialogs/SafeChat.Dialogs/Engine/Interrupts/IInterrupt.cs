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
    /// <summary>Order matters: safety before everything, then language, then commands.</summary>
    public static IEnumerable<IInterrupt> For(Content.ContentCatalog content, string menuDialog) =>
    [
        new SafetyInterrupt(),
        new LanguageInterrupt(content),
        new MediaInterrupt(),
        new ReportStatusInterrupt(),
        new CommandInterrupt(content, menuDialog),
    ];
}
