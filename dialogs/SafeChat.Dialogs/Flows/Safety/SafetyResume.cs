using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Flows.Routing;

namespace SafeChat.Dialogs.Flows.Safety;

/// <summary>
/// Where the conversation goes once the person is safe: on with what they told when the safety message came first
/// (partner violence → Veilig Thuis), or back to the question that was waiting — never back to the start.
/// </summary>
public static class SafetyResume
{
    /// <summary>Ends the safety dialog and carries on.</summary>
    public static StepResult Carry(StepContext step)
    {
        var state = step.Turn.State;
        state.Stack.RemoveAt(state.Stack.Count - 1);
        Continue(step.Turn, step.Runner);
        return new StepResult.Handled();
    }

    /// <summary>113 was shown at once: carry on in the same turn, without a question in between.</summary>
    public static void AfterSelfHarmMessage(TurnContext turn, DialogRunner runner) => Continue(turn, runner);

    private static void Continue(TurnContext turn, DialogRunner runner)
    {
        var state = turn.State;
        var flow = OwnWords.FlowFor(state.SetAside.ToHashSet(), "");
        state.SetAside = [];
        // The danger question ("Ben je nu in gevaar?") has just been answered: never ask it again.
        if (state.Stack.Count == 0 || state.Stack.Any(f => f.Prompt?.IsDangerQuestion == true))
        {
            runner.ToMenu(flow);
            return;
        }
        if (flow is not null && state.Stack.All(f => f.Dialog != flow)) runner.Begin(flow);
        else runner.Continue();
    }
}
