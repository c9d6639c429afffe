using SafeChat.Dialogs.Triage;

namespace SafeChat.Dialogs.Engine.Interrupts;

/// <summary>
/// Danger now → 112, thoughts of suicide → 113: first, whatever flow or question is active.
/// Afterwards the conversation carries on where it was.
/// </summary>
public sealed class SafetyInterrupt : IInterrupt
{
    public bool TryHandle(TurnContext turn, DialogRunner runner)
    {
        // A tapped choice is an answer to the question, not a description of danger ("Volgen" as a category).
        if (turn.State.Active?.Prompt is { } prompt && turn.TappedChoiceOf(prompt)) return false;
        var signals = turn.Triage.Signals;
        var danger = signals.Contains(Signal.Emergency);
        var selfHarm = signals.Contains(Signal.SelfHarm);
        if (!danger && !selfHarm) return false;

        if (danger) turn.Say("danger.call-112", contacts: ["emergency"]);
        if (selfHarm) turn.Say("self-harm.call-113", contacts: ["113"]);

        if (turn.State.Active?.Prompt is not null)
        {
            turn.Say("danger.still-here");
            runner.Reprompt();
        }
        else if (turn.State.Active is null)
        {
            runner.StartOver();
        }
        return true;
    }
}
