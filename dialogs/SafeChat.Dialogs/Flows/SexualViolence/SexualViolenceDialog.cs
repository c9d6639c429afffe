using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Engine.Prompts;
using SafeChat.Dialogs.Flows.Routing;

namespace SafeChat.Dialogs.Flows.SexualViolence;

/// <summary>
/// Sexual violence: not their fault; when it happened decides the route (the first days matter for
/// medical and forensic care); the person decides about the police.
/// </summary>
public sealed class SexualViolenceDialog : Dialog
{
    private const string When = "when";

    public override string Id => Flow.SexualViolence;

    public override IReadOnlyList<Step> Steps { get; } =
    [
        step =>
        {
            step.Say("sv.sorry");
            return step.Ask(Prompt.Choice(When, "sv.ask-when", "within-7-days", "longer-ago", "not-sure"));
        },
        step =>
        {
            step.Route(step.Answered(When, "longer-ago") ? HelpRoutes.EarlierSexualViolence : HelpRoutes.RecentSexualViolence);
            step.Say("sv.your-choice");
            return step.End();
        },
    ];
}
