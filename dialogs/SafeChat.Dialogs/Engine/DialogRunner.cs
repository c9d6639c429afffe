using SafeChat.Dialogs.Engine.Prompts;
using SafeChat.Dialogs.Flows;
using SafeChat.Dialogs.Flows.Routing;
using SafeChat.Dialogs.Understanding;

namespace SafeChat.Dialogs.Engine;

/// <summary>
/// Runs the dialog stack for one turn: feeds an answer to the waiting prompt, then runs steps
/// until one asks a question or the stack is empty.
/// </summary>
public sealed partial class DialogRunner(IReadOnlyDictionary<string, Dialog> dialogs, ChoiceMatcher matcher, TurnContext turn, string rootDialog, string menuDialog)
{
    // A flow that loops without asking anything is a bug; stop it rather than hang the turn.
    private const int MaxStepsPerTurn = 64;

    private List<DialogFrame> Stack => turn.State.Stack;

    private readonly AnswerReader _reader = new(matcher, turn);

    /// <summary>Starts a dialog on top of the current one, optionally with answers it should already know.</summary>
    public void Begin(string dialogId, Dictionary<string, string>? known = null)
    {
        Stack.Add(new DialogFrame { Dialog = Find(dialogId).Id, Answers = known ?? [] });
        Started(dialogId);
        Continue();
    }

    public void EndAll() => Stack.Clear();

    /// <summary>Drops whatever was running and begins the root dialog, as for a new conversation.</summary>
    public void StartOver()
    {
        Stack.Clear();
        turn.State.Started = true;
        Begin(rootDialog);
    }

    /// <summary>Drops whatever was running and shows the menu, or, with a flow, starts it with the menu beneath
    /// (<paramref name="confirm"/>: after one line that checks it is what the person wants).</summary>
    public void ToMenu(string? thenFlow = null, bool confirm = false)
    {
        Stack.Clear();
        turn.State.Started = true;
        if (thenFlow is not null && confirm)
        {
            Begin(menuDialog, new() { [Flows.MainMenu.MainMenuDialog.Need] = Flows.MainMenu.MainMenuDialog.Start(Flow.ConfirmSwitch),
                                      [Flows.Switch.ConfirmSwitchDialog.Target] = thenFlow });
            return;
        }
        Begin(menuDialog, thenFlow is null ? null : new() { [Flows.MainMenu.MainMenuDialog.Need] = Flows.MainMenu.MainMenuDialog.Start(thenFlow) });
    }

    /// <summary>
    /// Gives the person's reply to the waiting prompt. A reply is understood as: one of the choices (number, label,
    /// synonym), yes/no/unsure as people say them, the fact the question asks for (a date, a place…), free text, or
    /// words of one's own. Otherwise it may correct help given before, or express another need (which switches flow,
    /// after a one-line check when unsure); only then is it "not understood".
    /// </summary>
    public void Answer()
    {
        var frame = turn.State.Active;
        if (frame?.Prompt is not { } prompt)
        {
            Continue();
            return;
        }
        var answer = _reader.Read(prompt);
        // "can someone just call me? this afternoon is fine": a request for a person outranks the time it names.
        if (answer is not null && AsksForAPerson(prompt)) answer = Answers.TalkToPerson;
        if (answer is null && !prompt.IsDangerQuestion && AsksAboutAHelpLine() is { } line)
        {
            // "en veilig thuis, is dat anoniem?": what that line does, and the question again, before the facts in it
            // ("komen ze dan bij mij thuis?") are taken. Not at a danger question: there "wat is het csg? ik ben net
            // verkracht" is more than a question, and the name alone already reads as a signal.
            turn.Route(line);
            turn.Ask(prompt);
            return;
        }
        if (answer is null && CorrectsEarlierHelp()) return;
        if (answer is null && MovesOnFromSafetyQuestion(frame)) return;
        if (answer is null && AbsorbsFacts(frame)) return;
        // Own words are taken when they point to a need (or share a location); anything else is "not understood".
        if (answer is null && prompt.AcceptsOwnWords
            && (OwnWords.FlowFor(turn) is not null || turn.SharedCell is not null))
            answer = Answers.OwnWords;
        // A question about the law carries street harassment; any other signal means more than a question.
        if (answer is null && turn.Triage.Signals.All(s => s == Triage.Signal.StreetHarassment) && InlineAnswer() is { } inline)
        {
            // "is het anoniem?", "en hoe hoog is de boete?": the answer in a line, and the question again.
            turn.Say(inline);
            turn.Ask(prompt);
            return;
        }
        if (answer is null)
        {
            var kind = turn.Understander.SmallTalkKind(turn.NormalizedText)
                       ?? (Triage.Rules.SafeStatements.IsSafeStatement(turn.Text ?? "") && turn.Triage.Signals.Count == 0 ? "safe" : null);
            if (kind == Understander.Closing && MayCloseAt())
            {
                // "thanks, that's all": a goodbye, not the question again.
                EndAll();
                turn.SayGoodbye();
                return;
            }
            if (kind is not null)
            {
                // "bedankt", "hoi", "ok": a friendly word and the question again, not "I did not understand".
                turn.Say("smalltalk." + (kind == Understander.Closing ? "other" : kind));
                // After "Bel nu 112", thanks is no sign that it is over, and that question's buttons carry no number.
                if (frame.Dialog == Flow.WhenSafe) turn.Say(Flows.Safety.CallLine.Key(turn), contacts: ["emergency"]);
                turn.Ask(prompt);
                return;
            }
            // While the danger is known to be there, a reply that is no answer and itself sounds of danger means it still
            // is: 112 again, not another flow and not "I did not understand".
            // Nor does another need told beside him or hiding end it ("im safe. im hiding behind the counter" is no
            // street-harassment story); "hoe help ik haar?" still goes to the help it asks for.
            if (frame.Dialog == Flow.WhenSafe && (StillSoundsOfDanger() || turn.ChangedFacts.Count > 0
                    || turn.SpeaksOfHimStill) && prompt.UnsureMeans is { } stillThere)
                answer = stillThere;
            else if (SwitchesNeed(frame)) return;
            // The weakest readings last: a reply that starts with a choice or with yes/no ("nee, dat hoeft niet").
            answer ??= _reader.Leading(prompt);
            if (answer is null)
            {
                if (StartsTalkingAtGreeting(frame) || NotesUnaskedFacts(prompt)) return;
                NotUnderstood(frame, prompt);
                return;
            }
        }
        if (answer == Answers.TalkToPerson && prompt.Choices.All(c => c.Id != Answers.TalkToPerson || c.LabelKey == PersonChoice.LabelKey))
        {
            Begin(Flow.TalkToPerson);
            return;
        }
        // "Terug naar het menu" shows the menu itself, from any flow.
        if (answer == MenuChoice && frame.Dialog != menuDialog)
        {
            ToMenu();
            return;
        }
        frame.Answers[prompt.Key] = answer;
        frame.Prompt = null;
        frame.Step++;
        Continue();
    }

    private const string MenuChoice = "menu";

    /// <summary>Not while danger is being asked about or a report is half-made: there "dat was het" is the question again;
    /// never once thoughts of suicide came up ("ik denk er nog over na" after 113 is no goodbye).</summary>
    private bool MayCloseAt() =>
        !turn.State.SelfHarmCameUp && Stack.All(f => f.Dialog is not (Flow.WhenSafe or Flow.SafetyCheck or Flow.Report or Flow.Greeting) && f.Prompt?.IsDangerQuestion != true);

    /// <summary>A short question with a short answer: about SafeChat itself, or the punishment the law sets.</summary>
    private string? InlineAnswer() =>
        turn.Understander.ServiceQuestionKind(turn.NormalizedText) is { } service ? "service." + service
        : turn.Told.Topics.Contains(Understanding.Topics.Penalty) ? "counts.penalty"
        : null;

    /// <summary>A short question about one help line, with no danger in it and no sure sign of despair (an unsure one
    /// has its gentle 113 line already).</summary>
    private Flows.Routing.HelpRoute? AsksAboutAHelpLine() =>
        turn.Triage.Danger == Triage.SafetyLevel.None && turn.Triage.SelfHarm < Triage.SafetyLevel.Act
        && turn.Understander.HelpLineAskedAbout(turn.NormalizedText, turn.Text ?? "") is { } name ? Flows.Routing.HelpRoutes.Named(name) : null;

    /// <summary>A request for a person that the reader took as the fact a question asks for (not one of its choices),
    /// with no danger or despair in it, which have their own ways first. Not for free text: a report's story may say
    /// "bel me" about its own follow-up, which the report asks for next.</summary>
    private bool AsksForAPerson(PendingPrompt prompt) =>
        !prompt.IsDangerQuestion && turn.Triage.Has(Triage.Signal.WantsHuman) && !_reader.PicksAChoice(prompt)
        && turn.Triage.Danger == Triage.SafetyLevel.None && turn.Triage.SelfHarm == Triage.SafetyLevel.None
        && prompt.Kind != PromptKind.Text;

    /// <summary>Is this message an answer to the waiting choice question (a choice, yes/no, the fact it asks for)?</summary>
    public bool Understands(PendingPrompt prompt) => prompt.Kind == PromptKind.Choice && _reader.Read(prompt) is not null;

    private static readonly ChoiceOption PersonChoice = new(Answers.TalkToPerson, "choice.talk-to-person");

    /// <summary>
    /// The greeting's "Ben je nu in gevaar?" answered with a first message that carries no sign of danger or distress
    /// ("this exam is killing me lol", "ik heb een vraag over jullie"): the person started talking, so the menu takes
    /// it from there rather than "I did not understand" with the danger question again. Unsure words still mean yes.
    /// </summary>
    private bool StartsTalkingAtGreeting(DialogFrame frame)
    {
        if (frame.Dialog != Flow.Greeting || turn.Triage.Has(Triage.Signal.Emergency) || turn.Triage.Has(Triage.Signal.SelfHarm)) return false;
        ToMenu();
        return true;
    }

    /// <summary>
    /// A reply that does not answer the question but tells something new about what happened ("meestal rond 5 uur",
    /// "it's been going on for two weeks"): kept for later (a report fills itself from it), said so, and the question
    /// asked again, rather than "I did not understand".
    /// </summary>
    private bool NotesUnaskedFacts(PendingPrompt prompt)
    {
        if (turn.ChangedFacts.Count == 0) return false;
        turn.Say("understood.noted");
        turn.Ask(prompt);
        return true;
    }

    /// <summary>
    /// A flow that fills itself from what the person told (the report) gets a message that does not answer its question
    /// but does tell something new ("het was bij de Markthal"): the question is looked at again with that in mind.
    /// </summary>
    private bool AbsorbsFacts(DialogFrame frame)
    {
        if (turn.ChangedFacts.Count == 0 || !Find(frame.Dialog).FillsFromFacts) return false;
        frame.Prompt = null;
        if (frame.Asked.Count > 0 && frame.Asked[^1] == frame.Step)
        {
            frame.Asked.RemoveAt(frame.Asked.Count - 1);
            if (frame.AskedKeys.Count > 0) frame.AskedKeys.RemoveAt(frame.AskedKeys.Count - 1);
        }
        turn.Say("understood.noted");
        Continue();
        return true;
    }

    /// <summary>"Nee, het was vorig jaar": a fact that decided earlier help changed, so that help is given again.</summary>
    private bool CorrectsEarlierHelp()
    {
        if (turn.State.LastRoutedFlow is not { } flow || !turn.ChangedFacts.Intersect(turn.State.LastRoutedFacts).Any()) return false;
        turn.State.LastRoutedFlow = null;
        turn.Say("understood.corrected");
        Begin(flow);
        return true;
    }

    /// <summary>The reply is about something else the bot can help with: go there (check first when unsure).</summary>
    private bool SwitchesNeed(DialogFrame frame)
    {
        if (OwnWords.FlowFor(turn) is not { } flow) return false;
        if (Stack.Any(f => f.Dialog == flow) || flow == frame.Dialog) return false;
        // "Wil je het hebben over …?" is answered by telling more: that question is done, not asked again afterwards,
        // and never asked twice over ("how do I even talk to her?" after "do you want to know how to help someone?").
        var confirming = frame.Dialog == Flow.ConfirmSwitch;
        if (confirming) Stack.RemoveAt(Stack.Count - 1);
        if (OwnWords.SureOf(turn, flow) || confirming && frame.Answers.GetValueOrDefault(Flows.Switch.ConfirmSwitchDialog.Target) == flow)
        {
            Begin(flow);
            return true;
        }
        Begin(Flow.ConfirmSwitch, new() { [Flows.Switch.ConfirmSwitchDialog.Target] = flow });
        return true;
    }

    /// <summary>"Dat begreep ik niet" once per question, then the choices again; always with 112 and a person to talk to.</summary>
    private void NotUnderstood(DialogFrame frame, PendingPrompt prompt)
    {
        var personLabel = turn.Content.Text(turn.Language, PersonChoice.LabelKey);
        var choices = prompt.Kind != PromptKind.Choice || prompt.Choices.Any(c => c.Id == Answers.TalkToPerson || turn.Content.Text(turn.Language, c.LabelKey) == personLabel)
            ? prompt.Choices
            : [.. prompt.Choices, PersonChoice];
        frame.Prompt = prompt with { Retries = prompt.Retries + 1, Choices = choices };
        turn.Say(prompt.Retries > 0 ? "prompt.choose-again" : prompt.UnclearKey ?? "prompt.not-understood", contacts: ["emergency"]);
        turn.Ask(frame.Prompt);
    }

    /// <summary>Asks the waiting question again, e.g. after a language switch or a safety message.</summary>
    public bool Reprompt()
    {
        if (turn.State.Active?.Prompt is not { } prompt) return false;
        turn.Ask(prompt);
        return true;
    }

    /// <summary>
    /// Returns to the question before the current one: in this dialog, or, at its first question, the last question of
    /// the flow that handed over to it, or of the dialog beneath (the menu).
    /// </summary>
    public bool Back()
    {
        var frame = turn.State.Active;
        if (frame is null) return false;
        if (frame.Asked.Count >= 2)
        {
            Forget(frame, 1);
            Reopen(frame);
            return true;
        }
        var previous = frame.HandedOverFrom ?? (Stack.Count > 1 ? Stack[^2] : null);
        if (previous is null || previous.Asked.Count == 0) return false;
        Stack.RemoveAt(Stack.Count - 1);
        if (frame.HandedOverFrom is not null) Stack.Add(previous);
        Reopen(previous);
        return true;
    }

    /// <summary>Drops the last <paramref name="count"/> questions asked in a frame, and their answers.</summary>
    private static void Forget(DialogFrame frame, int count)
    {
        for (var i = 0; i < count && frame.Asked.Count > 0; i++)
        {
            frame.Asked.RemoveAt(frame.Asked.Count - 1);
            if (frame.AskedKeys.Count > 0)
            {
                frame.Answers.Remove(frame.AskedKeys[^1]);
                frame.AskedKeys.RemoveAt(frame.AskedKeys.Count - 1);
            }
        }
    }

    /// <summary>Asks the frame's last question again.</summary>
    private void Reopen(DialogFrame frame)
    {
        frame.Step = frame.Asked[^1];
        Forget(frame, 1);
        frame.Prompt = null;
        Continue();
    }

    public void Continue()
    {
        for (var i = 0; i < MaxStepsPerTurn; i++)
        {
            if (turn.State.Active is not { } frame) return;
            if (frame.Prompt is { } waiting)
            {
                // A dialog started on top of a waiting question (a safety check, a switch of topic) has ended.
                turn.Ask(waiting);
                return;
            }
            var dialog = Find(frame.Dialog);
            if (frame.Step >= dialog.Steps.Count)
            {
                Stack.RemoveAt(Stack.Count - 1);
                continue;
            }
            switch (dialog.Steps[frame.Step](new StepContext(turn, frame, this)))
            {
                case StepResult.Wait wait:
                    frame.Prompt = wait.Prompt;
                    frame.Answers.Remove(wait.Prompt.Key);
                    frame.Asked.Add(frame.Step);
                    frame.AskedKeys.Add(wait.Prompt.Key);
                    turn.Ask(wait.Prompt, wait.Contacts);
                    return;
                case StepResult.Next:
                    frame.Step++;
                    break;
                case StepResult.Repeat:
                    frame.Step = frame.Asked[^1];
                    frame.Asked.RemoveAt(frame.Asked.Count - 1);
                    if (frame.AskedKeys.Count > 0) frame.AskedKeys.RemoveAt(frame.AskedKeys.Count - 1);
                    break;
                case StepResult.Loop:
                    frame.Step = 0;
                    frame.Asked.Clear();
                    frame.AskedKeys.Clear();
                    break;
                case StepResult.End:
                    Stack.RemoveAt(Stack.Count - 1);
                    break;
                case StepResult.Begin begin:
                    var handedOver = begin.Replace && frame.Asked.Count > 0 ? frame : null;
                    if (begin.Replace) Stack.RemoveAt(Stack.Count - 1);
                    else frame.Step++;
                    Stack.Add(new DialogFrame { Dialog = Find(begin.DialogId).Id, Answers = begin.Known ?? [], HandedOverFrom = handedOver });
                    Started(begin.DialogId);
                    break;
                case StepResult.Handled:
                    return;
            }
        }
        throw new InvalidOperationException($"Dialog '{turn.State.Active?.Dialog}' ran {MaxStepsPerTurn} steps without asking anything.");
    }

    private void Started(string dialogId)
    {
        turn.StartedDialogs.Add(dialogId);
        turn.State.PendingFlows.Remove(dialogId);
    }

    private Dialog Find(string id) =>
        dialogs.TryGetValue(id, out var dialog) ? dialog : throw new KeyNotFoundException($"No dialog '{id}'.");
}
