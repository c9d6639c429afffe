using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Engine.Prompts;

namespace SafeChat.Dialogs.Flows.Bystander;

/// <summary>It already happened: "Ben je oké?" is still worth saying; a witness can report too.</summary>
public sealed class BystanderAfterDialog : Dialog
{
    private const string Next = "next";

    public override string Id => Flow.BystanderAfter;

    public override IReadOnlyList<Step> Steps { get; } =
    [
        step =>
        {
            step.Say("bystander.delay");
            step.Say("bystander.witness");
            return step.Ask(Prompt.Choice(Next, "bystander.ask-next", "report-or-police", "menu").ChosenBy(ReportOrPolice.ReportOrPoliceDialog.AskedForThePolice));
        },
        step => step.Answered(Next, "report-or-police") ? step.ReplaceWith(Flow.ReportOrPolice) : step.End(),
    ];
}
