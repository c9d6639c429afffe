using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Engine.Prompts;
using SafeChat.Dialogs.Flows.Routing;

namespace SafeChat.Dialogs.Flows.MainMenu;

/// <summary>What do you need? Each answer starts its flow; afterwards: anything else, or done.</summary>
public sealed class MainMenuDialog : Dialog
{
    private const string Need = "need";
    private const string More = "more";

    public override string Id => Flow.MainMenu;

    public override IReadOnlyList<Step> Steps { get; } =
    [
        step => step.Ask(Prompt.Choice(Need, "menu.ask", "happened", "saw", "what-counts", "report-or-police", "person").OrOwnWords()),
        StartChosenFlow,
        step => step.Ask(Prompt.Choice(More, "menu.anything-else", "menu", "done").OrOwnWords()),
        AgainOrGoodbye,
        step => step.Loop(), // after a flow started from one's own words: back to the menu
    ];

    private static StepResult StartChosenFlow(StepContext step) => step.Answer(Need) switch
    {
        "happened" => step.Begin(Flow.HappenedToMe),
        "saw" => step.Begin(Flow.Bystander),
        "what-counts" => step.Begin(Flow.WhatCounts),
        "report-or-police" => step.Begin(Flow.ReportOrPolice),
        "person" => step.Begin(Flow.TalkToPerson),
        _ => FollowOwnWords(step),
    };

    private static StepResult FollowOwnWords(StepContext step)
    {
        var flow = OwnWords.FlowFor(step.Signals, step.Turn.NormalizedText);
        if (flow is not null) return step.Begin(flow);
        step.Say("menu.not-understood");
        return step.Loop();
    }

    private static StepResult AgainOrGoodbye(StepContext step)
    {
        if (step.Answered(More, "menu")) return step.Loop();
        if (step.Answered(More, Answers.OwnWords) && OwnWords.FlowFor(step.Signals, step.Turn.NormalizedText) is { } flow)
            return step.Begin(flow);
        step.Say("menu.goodbye");
        step.Say("trace." + step.Channel.Key());
        return step.End();
    }
}
