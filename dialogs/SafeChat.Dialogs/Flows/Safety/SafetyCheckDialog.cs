using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Engine.Prompts;

namespace SafeChat.Dialogs.Flows.Safety;

/// <summary>
/// Triage is unsure whether someone is in danger now: ask once, with 112 already visible. "Ja", "misschien" or "weet ik
/// niet" give the number plainly (without asking again); "nee" carries on with what the person told, and for a while
/// an unsure signal does not ask again.
/// </summary>
public sealed class SafetyCheckDialog : Dialog
{
    private const string Answer = "answer";

    public override string Id => Flow.SafetyCheck;

    public override IReadOnlyList<Step> Steps { get; } =
    [
        step => step.Ask(Prompt.Choice(Answer, "safety.check-danger", new ChoiceOption(Answers.Yes, "choice.yes-call-112"), new ChoiceOption(Answers.No, "choice.no"))
            .IfUnsure(Answers.Yes) with { IsDangerQuestion = true }, "emergency"),
        step =>
        {
            if (step.Answered(Answer, Answers.No))
            {
                step.Turn.State.SaidNoDanger();
                return SafetyResume.Carry(step);
            }
            step.SayWithContacts(Safety.CallLine.Key(step.Turn), "emergency");
            return step.ReplaceWith(Flow.WhenSafe, new() { [WhenSafeDialog.AlreadyTold] = "yes" });
        },
    ];
}
