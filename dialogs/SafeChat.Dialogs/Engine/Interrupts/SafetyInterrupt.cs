using SafeChat.Dialogs.Flows;
using SafeChat.Dialogs.Flows.Safety;
using SafeChat.Dialogs.Triage;

namespace SafeChat.Dialogs.Engine.Interrupts;

/// <summary>
/// Danger now → 112, thoughts of suicide → 113: first, whatever flow or question is active (see
/// <see cref="SafetyPolicy"/> for when). When triage is sure, the number comes at once; when it is unsure, one short
/// check question with the number already visible. The rest of what the person said is set aside, and the
/// conversation carries on with it once they are safe.
/// </summary>
public sealed class SafetyInterrupt : IInterrupt
{
    public bool TryHandle(TurnContext turn, DialogRunner runner)
    {
        // A tapped choice is an answer to the question, not a description of danger ("Volgen" as a category).
        if (turn.State.Active?.Prompt is { } prompt && turn.TappedChoiceOf(prompt)) return false;
        var triage = turn.Triage with { Danger = Level(turn, runner, turn.Triage.Danger, turn.State.SaidNoDangerAt),
                                        SelfHarm = Level(turn, runner, turn.Triage.SelfHarm, turn.State.SelfHarmLineShownAt) };
        if (triage.Danger == SafetyLevel.None && triage.SelfHarm == SafetyLevel.None) return false;

        var rest = triage.Signals.Where(s => s is not (Signal.Emergency or Signal.SelfHarm)).ToList();
        if (rest.Count > 0) turn.State.SetAside = rest;

        if (triage.Danger > SafetyLevel.None && triage.SelfHarm == SafetyLevel.None && triage.Has(Signal.Bystander)
            && turn.State.Active?.Dialog is not (Flow.BystanderNow or Flow.WhenSafe or Flow.SafetyCheck))
        {
            // Someone else is in danger now: 112, and at once what a bystander can safely do.
            turn.Say("bystander.call-112", contacts: ["emergency"]);
            turn.State.Facts.ToSomeoneElse = true;
            turn.State.SetAside = [];
            runner.Begin(Flow.BystanderNow);
            return true;
        }

        if (triage.Danger == SafetyLevel.Act)
        {
            turn.Say("danger.call-112", contacts: ["emergency"]);
            if (triage.SelfHarm > SafetyLevel.None) turn.Say("self-harm.call-113", contacts: ["113"]);
            WaitUntilSafe(turn, runner);
        }
        else if (triage.SelfHarm == SafetyLevel.Act)
        {
            // About someone else ("mijn vriendin wil er een eind aan maken"): 113 for the helper, then bystander help.
            turn.Say(triage.Likely(Signal.Bystander) ? "self-harm.call-113-for-someone" : "self-harm.call-113", contacts: ["113"]);
            if (triage.Danger == SafetyLevel.Check) runner.Begin(Flow.SafetyCheck);
            else SafetyResume.AfterSelfHarmMessage(turn, runner);
        }
        else if (triage.Danger == SafetyLevel.Check)
        {
            if (turn.State.Active?.Dialog == Flow.SafetyCheck) turn.State.Stack.RemoveAt(turn.State.Stack.Count - 1);
            runner.Begin(Flow.SafetyCheck);
        }
        else
        {
            // Unsure about thoughts of suicide: 113 first, gently, and the conversation goes on in the same turn. A
            // question about suicide out of nowhere would drive people away when it is wrong; the number is there
            // when it is right. It is not repeated for a while.
            turn.Say("self-harm.gentle", contacts: ["113"]);
            turn.State.SelfHarmLineShownAt = turn.State.Messages;
            return false;
        }
        return true;
    }

    /// <summary>How many messages a "nee" to a check question holds: unsure signals do not ask again in that time.</summary>
    public const int CheckedFor = 6;

    /// <summary>
    /// An unsure signal (a check, not the number at once) does not interrupt a plain answer to the waiting question
    /// ("gisteravond", "ja graag", "Centrum"; any free-text answer such as a place or a description) or a command ("terug", "stop"), nor shortly after the person said they are
    /// not in danger.
    /// </summary>
    private static SafetyLevel Level(TurnContext turn, DialogRunner runner, SafetyLevel level, int? saidNoAt)
    {
        if (level != SafetyLevel.Check) return level;
        if (saidNoAt is { } at && turn.State.Messages - at <= CheckedFor) return SafetyLevel.None;
        if (turn.Content.IsCommandWord(turn.NormalizedText)) return SafetyLevel.None;
        if (turn.State.Active?.Prompt is { } prompt && (prompt.Kind == Prompts.PromptKind.Text || runner.Understands(prompt))) return SafetyLevel.None;
        return level;
    }

    private static void WaitUntilSafe(TurnContext turn, DialogRunner runner)
    {
        // Already waiting (or checking): replace that, so there is one safety question at a time.
        if (turn.State.Active?.Dialog is Flow.WhenSafe or Flow.SafetyCheck) turn.State.Stack.RemoveAt(turn.State.Stack.Count - 1);
        runner.Begin(Flow.WhenSafe);
    }
}
