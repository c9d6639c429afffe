using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Engine.Prompts;
using SafeChat.Dialogs.Flows.Routing;
using SafeChat.Dialogs.Flows.Safety;

namespace SafeChat.Dialogs.Flows.Greeting;

/// <summary>
/// The first thing anyone sees: SafeChat is an automated assistant, how to reach a person, how to leave
/// quickly — and straight away, whether they are in danger now. A first message that already tells what happened
/// ("ik ben gisteren verkracht") is followed at once: triage has looked for danger in it already.
/// </summary>
public sealed class GreetingDialog : Dialog
{
    public const string InDanger = "in-danger";

    public override string Id => Flow.Greeting;

    public override IReadOnlyList<Step> Steps { get; } =
    [
        IntroduceAndAskAboutDanger,
        AnswerDanger,
    ];

    private static StepResult IntroduceAndAskAboutDanger(StepContext step)
    {
        step.Say("greeting.intro");
        step.Say("leave." + step.Channel.Key());
        LanguageLine.Add(step.Turn);
        if (step.Turn.Inbound.Type == Activities.ActivityTypes.Message && OwnWords.FlowFor(step.Turn) is not null)
            return OwnWords.Follow(step);
        return step.Ask(Prompt.YesNo(InDanger, "greeting.ask-danger").OrOwnWords().IfUnsure(Answers.Yes) with { IsDangerQuestion = true });
    }

    private static StepResult AnswerDanger(StepContext step)
    {
        if (step.Answered(InDanger, Answers.OwnWords)) return OwnWords.Follow(step);
        if (step.Answered(InDanger, Answers.Yes))
        {
            step.SayWithContacts(Safety.CallLine.Key(step.Turn), "emergency");
            return step.ReplaceWith(Flow.WhenSafe, new() { [WhenSafeDialog.AlreadyTold] = "yes" });
        }
        return step.ToMenu();
    }
}
