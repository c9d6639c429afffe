using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Engine.Prompts;

namespace SafeChat.Dialogs.Flows.Switch;

/// <summary>
/// The reply to a question seems to be about another need, but triage is not sure: one line to check
/// ("Wil je met een mens praten?"). Yes starts that flow; no asks the waiting question again.
/// </summary>
public sealed class ConfirmSwitchDialog : Dialog
{
    public const string Target = "target";
    private const string Confirm = "confirm";

    public override string Id => Flow.ConfirmSwitch;

    public override IReadOnlyList<Step> Steps { get; } =
    [
        step => step.Ask(Prompt.YesNo(Confirm, "switch." + step.Answer(Target))),
        step => step.Answered(Confirm, Answers.Yes) ? step.ReplaceWith(step.Answer(Target)!) : step.End(),
    ];
}
