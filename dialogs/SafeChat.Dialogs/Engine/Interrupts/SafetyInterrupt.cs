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
        var triage = turn.Triage with { Danger = Level(turn, runner, turn.Triage.Danger, turn.State.SaidNoDangerAt, turn.Triage.DangerInOwnWords),
                                        SelfHarm = Level(turn, runner, turn.Triage.SelfHarm, turn.State.SelfHarmLineShownAt, inOwnWords: false) };
        if (triage.Danger == SafetyLevel.None && triage.SelfHarm == SafetyLevel.None) return false;
        if (triage.SelfHarm > SafetyLevel.None) turn.State.SelfHarmCameUp = true;

        // What else the person told is set aside until they are safe; within one safety episode it adds up.
        var rest = triage.Signals.Where(s => s is not (Signal.Emergency or Signal.SelfHarm)).ToList();
        var waitingForSafety = turn.State.Active?.Dialog is Flow.WhenSafe or Flow.SafetyCheck;
        turn.State.SetAside = waitingForSafety ? [.. turn.State.SetAside.Union(rest)] : rest;
        if (triage.Danger > SafetyLevel.None) turn.State.Facts.HappeningNow = true;

        if (triage.Danger > SafetyLevel.None && triage.SelfHarm == SafetyLevel.None && triage.Has(Signal.Bystander)
            && turn.State.Active?.Dialog is not (Flow.BystanderNow or Flow.WhenSafe or Flow.SafetyCheck))
        {
            // Someone else is in danger now: 112, and at once what a bystander can safely do.
            turn.Say("bystander.call-112", contacts: ["emergency"]);
            turn.State.Facts.ToSomeoneElse = true;
            turn.State.SetAside = [];
            runner.Begin(Flow.BystanderNow, new() { [Flows.Bystander.BystanderNowDialog.Told112] = "yes" });
            return true;
        }

        if (triage.Danger == SafetyLevel.Act && AlreadyCalled(turn))
        {
            // "ik heb 112 gebeld, de politie komt eraan": right, and 112 stays in view while help is on its way.
            turn.Say("danger.called-112", contacts: ["emergency"]);
            if (triage.SelfHarm > SafetyLevel.None) turn.Say("self-harm.call-113", contacts: ["113"]);
            WaitUntilSafe(turn, runner, alreadyTold: true);
        }
        else if (triage.Danger == SafetyLevel.Act)
        {
            turn.Say("danger.call-112", contacts: ["emergency"]);
            if (triage.SelfHarm > SafetyLevel.None) turn.Say("self-harm.call-113", contacts: ["113"]);
            WaitUntilSafe(turn, runner, alreadyTold: false);
        }
        else if (triage.Danger == SafetyLevel.Check && waitingForSafety)
        {
            // Already asking whether they are in danger: more words of danger are a reason to show 112 again, not to
            // stack a second question on top of the first.
            if (triage.SelfHarm > SafetyLevel.None) turn.Say("self-harm.call-113", contacts: ["113"]);
            turn.Say("danger.call-112-now", contacts: ["emergency"]);
            WaitUntilSafe(turn, runner, alreadyTold: true);
        }
        else if (triage.SelfHarm == SafetyLevel.Act)
        {
            // About someone else ("mijn vriendin wil er een eind aan maken"): 113 for the helper, then bystander help.
            turn.Say(triage.Likely(Signal.Bystander) ? "self-harm.call-113-for-someone" : "self-harm.call-113", contacts: ["113"]);
            if (triage.Danger == SafetyLevel.Check) runner.Begin(Flow.SafetyCheck);
            // A danger question is waiting: 113, and that question again (112 stays in view).
            else if (waitingForSafety) runner.Reprompt();
            else SafetyResume.AfterSelfHarmMessage(turn, runner);
        }
        else if (triage.Danger == SafetyLevel.Check)
        {
            // Unsure on both counts ("my friend was assaulted and keeps saying she wants to die"): 113 in view as well,
            // then the one question.
            if (triage.SelfHarm > SafetyLevel.None)
            {
                turn.Say(triage.Likely(Signal.Bystander) ? "self-harm.call-113-for-someone" : "self-harm.gentle", contacts: ["113"]);
                turn.State.SelfHarmLineShownAt = turn.State.Messages;
            }
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

    /// <summary>The message says 112 or the police has been called, and nothing else in it speaks of danger in the
    /// person's own words ("ik heb 112 gebeld maar hij slaat me nog" still gets "Bel nu 112").</summary>
    public static bool AlreadyCalled(TurnContext turn) =>
        turn.Understander.SaysCalled112(turn.NormalizedText)
        && !turn.TriageOf(turn.Understander.WithoutCalled112(turn.NormalizedText)).DangerInOwnWords;

    /// <summary>How many messages a "nee" to a check question holds: the model's unsure signals do not ask again in that time.</summary>
    public const int CheckedFor = 6;

    /// <summary>
    /// Danger in the person's own words (a short cry, a danger cue, a precise rule) always interrupts. An unsure signal
    /// from the model alone does not interrupt an answer to the waiting question ("gisteravond", "ja graag", "Centrum",
    /// a description typed at a text question), a reply to the danger question itself, or a command ("terug", "stop"),
    /// nor shortly after the person said they are not in danger.
    /// </summary>
    private static SafetyLevel Level(TurnContext turn, DialogRunner runner, SafetyLevel level, int? saidNoAt, bool inOwnWords)
    {
        if (level != SafetyLevel.Check) return level;
        if (turn.Content.IsCommandWord(turn.NormalizedText)) return SafetyLevel.None;
        if (inOwnWords) return level;
        // Already asking whether they are in danger, with 112 on screen: an unsure score is no reason to say more.
        if (turn.State.Active?.Dialog is Flow.SafetyCheck or Flow.WhenSafe) return SafetyLevel.None;
        if (saidNoAt is { } at && turn.State.Messages - at <= CheckedFor) return SafetyLevel.None;
        if (turn.State.Active?.Prompt is { } prompt && (prompt.Kind == Prompts.PromptKind.Text || runner.Understands(prompt))) return SafetyLevel.None;
        if (OnlyTellsWhen(turn)) return SafetyLevel.None;
        return level;
    }

    /// <summary>A short reply that tells when and nothing else ("meestal rond 9 uur 's avonds", "usually around 9 in the
    /// evening"), at a question that did not ask for it: a fact to note, not a sign of danger now.</summary>
    private static bool OnlyTellsWhen(TurnContext turn) =>
        turn.ChangedFacts is [Understanding.Facts.WhenKey] && turn.Told is { Who: null, Place: null, What.Count: 0 }
        && turn.WordCount <= ShortReplyWords;

    private const int ShortReplyWords = 8;

    private static void WaitUntilSafe(TurnContext turn, DialogRunner runner, bool alreadyTold)
    {
        // Already waiting (or checking): replace that, so there is one safety question at a time.
        if (turn.State.Active?.Dialog is Flow.WhenSafe or Flow.SafetyCheck) turn.State.Stack.RemoveAt(turn.State.Stack.Count - 1);
        runner.Begin(Flow.WhenSafe, alreadyTold ? new() { [WhenSafeDialog.AlreadyTold] = "yes" } : null);
    }
}
