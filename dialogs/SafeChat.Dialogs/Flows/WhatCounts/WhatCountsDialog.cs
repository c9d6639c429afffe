using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Engine.Prompts;

namespace SafeChat.Dialogs.Flows.WhatCounts;

/// <summary>What counts as sexual street harassment, that it is punishable since 1 July 2024, and that it is never your fault.</summary>
public sealed class WhatCountsDialog : Dialog
{
    private const string Next = "next";

    public override string Id => Flow.WhatCounts;

    public override IReadOnlyList<Step> Steps { get; } =
    [
        step =>
        {
            step.Say("counts.what");
            step.Say("counts.law");
            step.Say("counts.touching");
            step.Say("counts.not-your-fault");
            return step.Ask(Prompt.Choice(Next, "counts.ask-next", "report-or-police", "happened", "menu"));
        },
        step => step.Answer(Next) switch
        {
            "report-or-police" => step.ReplaceWith(Flow.ReportOrPolice),
            "happened" => step.ReplaceWith(Flow.HappenedToMe),
            _ => step.End(),
        },
    ];
}
