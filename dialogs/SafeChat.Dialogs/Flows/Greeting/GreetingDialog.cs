using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Engine.Prompts;

namespace SafeChat.Dialogs.Flows.Greeting;

/// <summary>
/// The first thing anyone sees: who SafeChat is (an automated assistant), how to reach a person,
/// and straight away whether they are in danger now.
/// </summary>
public sealed class GreetingDialog : Dialog
{
    public const string Name = "greeting";
    private const string InDanger = "in-danger";

    public override string Id => Name;

    public override IReadOnlyList<Step> Steps { get; } =
    [
        IntroduceAndAskAboutDanger,
        AnswerDanger,
    ];

    private static StepResult IntroduceAndAskAboutDanger(StepContext step)
    {
        step.Say("greeting.intro");
        return step.Ask(Prompt.YesNo(InDanger, "greeting.ask-danger"));
    }

    private static StepResult AnswerDanger(StepContext step)
    {
        if (step.Answered(InDanger, Answers.Yes))
        {
            step.SayWithContacts("danger.call-112", "emergency");
            return step.End();
        }
        step.Say("greeting.safe");
        return step.End();
    }
}
