using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Engine.Prompts;

namespace SafeChat.Dialogs.Flows.Safety;

/// <summary>
/// After "Bel nu 112": stay, and ask whether the danger is still there, in the same words as every danger question
/// ("Ben je nu nog in gevaar?"), so "nee, nu niet meer" means what it says. "Nee" carries on with what the person told
/// before; "ja" gives 112 again and keeps waiting.
/// </summary>
public sealed class WhenSafeDialog : Dialog
{
    public const string AlreadyTold = "already-told";
    private const string Still = "still";

    public override string Id => Flow.WhenSafe;

    public override IReadOnlyList<Step> Steps { get; } =
    [
        step => step.Ask(Prompt.Choice(Still, step.Answer(AlreadyTold) is null ? "safety.ask-still" : "safety.ask-still-short",
                new ChoiceOption(Answers.Yes, "choice.still-in-danger"), new ChoiceOption(Answers.No, "choice.danger-over"))
            .IfUnsure(Answers.Yes) with { IsDangerQuestion = true }),
        step =>
        {
            if (step.Answered(Still, Answers.No))
            {
                step.Turn.State.SaidNoDanger();
                return SafetyResume.Carry(step);
            }
            step.SayWithContacts(Safety.CallLine.Key(step.Turn), "emergency");
            step.Remember(AlreadyTold, "yes");
            return step.Loop();
        },
    ];
}
