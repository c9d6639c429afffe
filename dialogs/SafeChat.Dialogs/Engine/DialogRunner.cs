using SafeChat.Dialogs.Engine.Prompts;

namespace SafeChat.Dialogs.Engine;

/// <summary>
/// Runs the dialog stack for one turn: feeds an answer to the waiting prompt, then runs steps
/// until one asks a question or the stack is empty.
/// </summary>
public sealed class DialogRunner(IReadOnlyDictionary<string, Dialog> dialogs, ChoiceMatcher matcher, TurnContext turn, string rootDialog)
{
    // A flow that loops without asking anything is a bug; stop it rather than hang the turn.
    private const int MaxStepsPerTurn = 64;

    private List<DialogFrame> Stack => turn.State.Stack;

    /// <summary>Starts a dialog on top of the current one, optionally with answers it should already know.</summary>
    public void Begin(string dialogId, Dictionary<string, string>? known = null)
    {
        Stack.Add(new DialogFrame { Dialog = Find(dialogId).Id, Answers = known ?? [] });
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

    /// <summary>Gives the person's reply to the waiting prompt; an unusable reply asks again.</summary>
    public void Answer()
    {
        var frame = turn.State.Active;
        if (frame?.Prompt is not { } prompt)
        {
            Continue();
            return;
        }
        var answer = prompt.Kind switch
        {
            PromptKind.Choice => matcher.Match(prompt, turn.Text)?.Id
                                 ?? (prompt.AcceptsOwnWords && (!string.IsNullOrWhiteSpace(turn.Text) || turn.SharedCell is not null) ? Answers.OwnWords : null),
            _ => matcher.Match(prompt, turn.Text)?.Id ?? FreeText(prompt),
        };
        if (answer is null)
        {
            frame.Prompt = prompt with { Retries = prompt.Retries + 1 };
            turn.Ask(frame.Prompt, retry: true);
            return;
        }
        frame.Answers[prompt.Key] = answer;
        frame.Prompt = null;
        frame.Step++;
        Continue();
    }

    private string? FreeText(PendingPrompt prompt)
    {
        if (string.IsNullOrWhiteSpace(turn.Text)) return null;
        var text = turn.Text.Trim();
        if (text.Length > Prompt.MaxTextLength) text = text[..Prompt.MaxTextLength];
        return prompt.Scrubbed ? Reports.TextScrubber.Scrub(text) : text;
    }

    /// <summary>Asks the waiting question again, e.g. after a language switch or a safety message.</summary>
    public bool Reprompt()
    {
        if (turn.State.Active?.Prompt is not { } prompt) return false;
        turn.Ask(prompt, retry: false);
        return true;
    }

    /// <summary>Returns to the question before the current one in this dialog.</summary>
    public bool Back()
    {
        var frame = turn.State.Active;
        if (frame is null || frame.Asked.Count < 2) return false;
        frame.Asked.RemoveAt(frame.Asked.Count - 1);
        var previous = frame.Asked[^1];
        frame.Asked.RemoveAt(frame.Asked.Count - 1);
        frame.Step = previous;
        frame.Prompt = null;
        Continue();
        return true;
    }

    public void Continue()
    {
        for (var i = 0; i < MaxStepsPerTurn; i++)
        {
            if (turn.State.Active is not { } frame) return;
            var dialog = Find(frame.Dialog);
            if (frame.Step >= dialog.Steps.Count)
            {
                Stack.RemoveAt(Stack.Count - 1);
                continue;
            }
            switch (dialog.Steps[frame.Step](new StepContext(turn, frame)))
            {
                case StepResult.Wait wait:
                    frame.Prompt = wait.Prompt;
                    frame.Answers.Remove(wait.Prompt.Key);
                    frame.Asked.Add(frame.Step);
                    turn.Ask(wait.Prompt, retry: false);
                    return;
                case StepResult.Next:
                    frame.Step++;
                    break;
                case StepResult.Repeat:
                    frame.Step = frame.Asked[^1];
                    frame.Asked.RemoveAt(frame.Asked.Count - 1);
                    break;
                case StepResult.Loop:
                    frame.Step = 0;
                    frame.Asked.Clear();
                    break;
                case StepResult.End:
                    Stack.RemoveAt(Stack.Count - 1);
                    break;
                case StepResult.Begin begin:
                    if (begin.Replace) Stack.RemoveAt(Stack.Count - 1);
                    else frame.Step++;
                    Stack.Add(new DialogFrame { Dialog = Find(begin.DialogId).Id });
                    break;
            }
        }
        throw new InvalidOperationException($"Dialog '{turn.State.Active?.Dialog}' ran {MaxStepsPerTurn} steps without asking anything.");
    }

    private Dialog Find(string id) =>
        dialogs.TryGetValue(id, out var dialog) ? dialog : throw new KeyNotFoundException($"No dialog '{id}'.");
}
