using SafeChat.Dialogs.Flows.Safety;
using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Engine.Prompts;
using SafeChat.Dialogs.Flows.Routing;
using SafeChat.Dialogs.Triage;

namespace SafeChat.Dialogs.Flows.HappenedToMe;

/// <summary>
/// "Something happened to me": acknowledge, never blame, ask what kind of thing, and go where that leads. Being followed
/// or touched may still be going on: first whether that person is still near, with 112 in view (a tapped choice does
/// not skip that).
/// </summary>
public sealed class HappenedToMeDialog : Dialog
{
    private const string What = "what";
    private const string Near = "near";

    public override string Id => Flow.HappenedToMe;

    public override IReadOnlyList<Step> Steps { get; } =
    [
        step =>
        {
            step.Say("victim.sorry");
            return step.Ask(Prompt.Choice(What, "victim.ask-what", "remarks", "followed", "touched", "sexual-violence", "someone-close").OrOwnWords()
                .ChosenBy(("sexual-violence", Signal.SexualViolence), ("someone-close", Signal.DomesticViolence)));
        },
        step => step.Answer(What) is "followed" or "touched"
            ? step.Ask(Prompt.Choice(Near, "victim.ask-near", new ChoiceOption(Answers.Yes, "choice.near"), new ChoiceOption(Answers.No, "choice.gone"))
                .IfUnsure(Answers.Yes) with { IsDangerQuestion = true }, "emergency")
            : step.Next(),
        step =>
        {
            if (!step.Answered(Near, Answers.Yes)) return step.Next();
            step.SayWithContacts(Safety.CallLine.Key(step.Turn), "emergency");
            step.Turn.State.Facts.HappeningNow = true;
            return step.Begin(Flow.WhenSafe, new() { [WhenSafeDialog.AlreadyTold] = "yes" });
        },
        step => step.Answer(What) switch
        {
            "remarks" or "followed" => step.ReplaceWith(Flow.StreetHarassment),
            "touched" => Touched(step),
            "sexual-violence" => step.ReplaceWith(Flow.SexualViolence),
            "someone-close" => step.ReplaceWith(Flow.SomeoneClose),
            _ => OwnWords.FlowFor(step.Turn) is { } flow ? step.ReplaceWith(flow) : step.ReplaceWith(Flow.StreetHarassment),
        },
    ];

    private static StepResult Touched(StepContext step)
    {
        step.Say("victim.touching");
        return step.ReplaceWith(Flow.SexualViolence);
    }
}
