using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Engine.Interrupts;

namespace SafeChat.Dialogs.Flows.Safety;

/// <summary>What the bot says when the danger is there: "Bel nu 112", or, when the person says they have called 112 or
/// the police already, that this was right (with 112 still in view).</summary>
public static class CallLine
{
    public static string Key(TurnContext turn) => SafetyInterrupt.AlreadyCalled(turn) ? "danger.called-112" : "danger.call-112-now";
}
