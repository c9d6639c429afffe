using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Engine.Prompts;
using SafeChat.Dialogs.Flows.Routing;
using SafeChat.Dialogs.Triage;

namespace SafeChat.Dialogs.Flows.HappenedToMe;

/// <summary>"Something happened to me": acknowledge, never blame, ask what kind of thing, and go where that leads.</summary>
public sealed class HappenedToMeDialog : Dialog
{
    private const string What = "what";

    public override string Id => Flow.HappenedToMe;

    public override IReadOnlyList<Step> Steps { get; } =
    [
        step =>
        {
            step.Say("victim.sorry");
            return step.Ask(Prompt.Choice(What, "victim.ask-what", "remarks", "followed", "touched", "sexual-violence", "someone-close").OrOwnWords()
                .ChosenBy(("sexual-violence", Signal.SexualViolence), ("someone-close", Signal.DomesticViolence)));
        },
        step => step.Answer(What) switch
        {
            "remarks" or "followed" => step.ReplaceWith(Flow.StreetHarassment),
            "touched" => Touched(step),
            "sexual-violence" => step.ReplaceWith(Flow.SexualViolence),
            "someone-close" => step.ReplaceWith(Flow.SomeoneClose),
            _ => OwnWords.FlowFor(step.Turn.Triage, step.Turn.NormalizedText) is { } flow ? step.ReplaceWith(flow) : step.ReplaceWith(Flow.StreetHarassment),
        },
    ];

    private static StepResult Touched(StepContext step)
    {
        step.Say("victim.touching");
        return step.ReplaceWith(Flow.SexualViolence);
    }
}
