using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Engine.Prompts;

namespace SafeChat.Dialogs.Flows.WhatCounts;

/// <summary>
/// What counts as sexual street harassment, that it can be punishable since 1 July 2024 (never for certain: the police
/// and a court decide), and that it is never your fault. On request: what other laws cover, and online harassment.
/// </summary>
public sealed class WhatCountsDialog : Dialog
{
    private const string Next = "next", More = "counts-more";

    public override string Id => Flow.WhatCounts;

    public override IReadOnlyList<Step> Steps { get; } =
    [
        step =>
        {
            // Asked about the punishment: the law and the penalty; otherwise what counts and the law.
            if (step.Turn.Told.Topics.Contains(Understanding.Topics.Penalty)) step.Say("counts.law");
            else step.Say("counts.what");
            step.Say(step.Turn.Told.Topics.Contains(Understanding.Topics.Penalty) ? "counts.penalty" : "counts.law");
            return step.Ask(Prompt.Choice(Next, "counts.ask-next", More, "report-or-police", "happened", "menu").ChosenBy(ReportOrPolice.ReportOrPoliceDialog.AskedForThePolice));
        },
        step =>
        {
            if (!step.Answered(Next, More)) return step.Next();
            step.Say("counts.other-laws");
            step.Say("counts.online");
            return step.Ask(Prompt.Choice(Next, "counts.ask-next", "report-or-police", "happened", "menu").ChosenBy(ReportOrPolice.ReportOrPoliceDialog.AskedForThePolice));
        },
        step => step.Answer(Next) switch
        {
            "report-or-police" => step.ReplaceWith(Flow.ReportOrPolice),
            "happened" => step.ReplaceWith(Flow.HappenedToMe),
            _ => step.End(),
        },
    ];
}
