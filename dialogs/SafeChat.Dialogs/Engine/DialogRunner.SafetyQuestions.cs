using SafeChat.Dialogs.Flows;
using SafeChat.Dialogs.Flows.Routing;
using SafeChat.Dialogs.Understanding;

namespace SafeChat.Dialogs.Engine;

/// <summary>
/// Replies to a danger question ("Ben je nu in gevaar?", and after "Bel nu 112" "Ben je nu nog in gevaar?") that are no
/// yes or no: when they mean the person has moved on, and when the danger is to be taken as still there.
/// </summary>
public sealed partial class DialogRunner
{
    /// <summary>
    /// "Ben je nu in gevaar?" answered with the rest of the story ("last friday evening", "we broke up in january"): the
    /// person moved on, so it counts as no (112 was on screen already). The story goes on where it was set aside, or
    /// the message answers the question that was waiting below.
    /// </summary>
    private bool MovesOnFromSafetyQuestion(DialogFrame frame)
    {
        if (frame.Dialog is not (Flow.SafetyCheck or Flow.WhenSafe) || string.IsNullOrWhiteSpace(turn.Text)) return false;
        var own = OwnWords.FlowFor(turn);
        // "wat moet ik doen?" or "ik weet het niet" is not a story: ask again, with 112 in view.
        if (own is null && turn.ChangedFacts.Count == 0 && !TellsAStory()) return false;
        // After "Bel nu 112", a story that itself sounds of danger ("ik weet niet wat ik moet doen, ik ben zo bang") is
        // no sign it is over: only a time that puts it in the past, or asking for something else, moves on then.
        // Asking for something else beside words of him ("kunnen jullie me bellen, hij is in de kamer") is no sign either.
        if (frame.Dialog == Flow.WhenSafe && StillSoundsOfDanger() && !PutInThePast()
            && (!AsksForSomethingElse() || turn.SpeaksOfHimStill)) return false;
        // Nor is a place, or a story told in passing ("I got off at Oostplein and he got off too"): after 112, moving on
        // takes a sign that it is over — a time in the past, safe words, or asking for something else.
        if (frame.Dialog == Flow.WhenSafe && !SignsItIsOver()) return false;
        var state = turn.State;
        Stack.RemoveAt(Stack.Count - 1);
        state.SaidNoDanger();
        var flow = own ?? OwnWords.FlowFor(state.SetAside.ToHashSet(), "");
        state.SetAside = [];
        if (Stack.Count == 0 || Stack.Any(f => f.Prompt?.IsDangerQuestion == true)) ToMenu(flow, confirm: own is not null && !OwnWords.LikelyOf(turn, own));
        else if (flow is not null && Stack.All(f => f.Dialog != flow)) Begin(flow);
        else if (own is not null && Stack.Any(f => f.Dialog == own) && turn.ChangedFacts.Count == 0)
        {
            // "oke, kunnen we verder met de melding?": back to the question that was waiting, not "I did not understand".
            turn.Say("understood.go-on");
            Reprompt();
        }
        else Answer();
        return true;
    }

    /// <summary>After "Bel nu 112": a time in the past, asking for something else, a "no" without "not yet" after it, or
    /// safe words (with no sentence of him or of hiding beside them).</summary>
    private bool SignsItIsOver() =>
        PutInThePast() || AsksForSomethingElse() || OpensWithNo() || Triage.Rules.SafeStatements.SaysItIsOver(turn.Text ?? "");

    /// <summary>Triage hears danger in the message, even if only enough for a check question (which is not asked while
    /// the danger question is waiting).</summary>
    private bool StillSoundsOfDanger() => turn.Triage.Danger != Triage.SafetyLevel.None;

    /// <summary>A time that puts the story in the past, and no "now" beside it ("gisteren sloeg hij me, hij wacht nu
    /// beneden" is about now).</summary>
    private bool PutInThePast() => turn.ChangedFacts.Contains(Facts.WhenKey) && !Triage.Rules.DangerCues.Now.IsMatch(turn.NormalizedText);

    /// <summary>"nee ik wil het nog niet melden": the first word answers the danger question with no — unless words of it
    /// still going on follow ("no not yet", "nee. hij kijkt nog naar me").</summary>
    private bool OpensWithNo() =>
        turn.NormalizedText.Split(' ', 2)[0] is { Length: > 0 } first && turn.Understander.Answers.Recognize(first, turn.Language) == ShortAnswer.No
        && !turn.Understander.Answers.SaysStillInDanger(turn.NormalizedText);

    private bool AsksForSomethingElse() =>
        turn.Triage.Has(Triage.Signal.WantsReport) || turn.Triage.Has(Triage.Signal.WantsPolice) || turn.Triage.Has(Triage.Signal.WantsHuman);

    /// <summary>A message of some length that is not a question: the person is telling what happened.</summary>
    private bool TellsAStory() =>
        turn.WordCount >= StoryWords && !(turn.Text ?? "").TrimEnd().EndsWith('?');

    private const int StoryWords = 8;
}
