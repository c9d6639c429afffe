using SafeChat.Dialogs.Understanding;
using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Engine.Prompts;
using SafeChat.Dialogs.Flows.Routing;

namespace SafeChat.Dialogs.Flows.HappenedToMe;

/// <summary>Remarks, sounds, gestures, following: name it, say it can be punishable and is not their fault, point to
/// discrimination reporting when it was also racist or about religion, sexuality or gender, and offer next steps.</summary>
public sealed class StreetHarassmentDialog : Dialog
{
    private const string Next = "next";

    public override string Id => Flow.StreetHarassment;

    public override IReadOnlyList<Step> Steps { get; } =
    [
        step =>
        {
            step.Say("street.named");
            if (step.Facts.Topics.Contains(Topics.Discrimination)) step.Route(HelpRoutes.Discrimination);
            return step.Ask(Prompt.Choice(Next, "street.ask-next", "report-or-police", "support", "menu").ChosenBy(ReportOrPolice.ReportOrPoliceDialog.AskedForThePolice));
        },
        step =>
        {
            if (step.Answered(Next, "report-or-police")) return step.ReplaceWith(Flow.ReportOrPolice);
            if (step.Answered(Next, "support")) step.Route(HelpRoutes.Support);
            return step.End();
        },
    ];
}
