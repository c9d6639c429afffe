using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Engine.Prompts;
using SafeChat.Dialogs.Flows.Routing;

namespace SafeChat.Dialogs.Flows.Greeting;

/// <summary>
/// The first thing anyone sees: SafeChat is an automated assistant, how to reach a person, how to leave
/// quickly — and straight away, whether they are in danger now.
/// </summary>
public sealed class GreetingDialog : Dialog
{
    private const string InDanger = "in-danger";

    public override string Id => Flow.Greeting;

    public override IReadOnlyList<Step> Steps { get; } =
    [
        IntroduceAndAskAboutDanger,
        AnswerDanger,
        step => step.ReplaceWith(Flow.MainMenu),
    ];

    private static StepResult IntroduceAndAskAboutDanger(StepContext step)
    {
        step.Say("greeting.intro");
        step.Say("leave." + step.Channel.Key());
        return step.Ask(Prompt.YesNo(InDanger, "greeting.ask-danger").OrOwnWords());
    }

    private static StepResult AnswerDanger(StepContext step)
    {
        if (step.Answered(InDanger, Answers.OwnWords)) return OwnWords.Follow(step);
        if (step.Answered(InDanger, Answers.Yes))
        {
            step.SayWithContacts("danger.call-112", "emergency");
            step.Say("danger.after-112");
        }
        return step.ReplaceWith(Flow.MainMenu);
    }
}
