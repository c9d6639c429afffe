using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Engine.Prompts;
using SafeChat.Dialogs.Flows.Routing;

namespace SafeChat.Dialogs.Flows.MainMenu;

/// <summary>What do you need? Each answer starts its flow; afterwards: anything else, or done.</summary>
public sealed class MainMenuDialog : Dialog
{
    public const string Need = "need";
    private const string More = "more", FlowPrefix = "flow:";

    /// <summary>The answer that starts a flow straight away, with the menu beneath it.</summary>
    public static string Start(string flow) => FlowPrefix + flow;

    public override string Id => Flow.MainMenu;

    public override IReadOnlyList<Step> Steps { get; } =
    [
        step => step.Answer(Need) is not null
            ? step.Next()
            : step.Ask(Prompt.Choice(Need, "menu.ask", "happened", "saw", "what-counts", "report-or-police", "person").OrOwnWords()),
        StartChosenFlow,
        OfferWhatWasAlsoAsked,
        step => step.Ask(Prompt.Choice(More, "menu.anything-else", "menu", "done").OrOwnWords().IfAskedForAdvice(Again)),
        AgainOrGoodbye,
    ];

    private static StepResult StartChosenFlow(StepContext step)
    {
        var need = step.Answer(Need)!;
        if (need == Start(Flow.ConfirmSwitch) && step.Answer(Switch.ConfirmSwitchDialog.Target) is { } target)
        {
            step.Forget(Switch.ConfirmSwitchDialog.Target);
            return step.Begin(Flow.ConfirmSwitch, new() { [Switch.ConfirmSwitchDialog.Target] = target });
        }
        if (need.StartsWith(FlowPrefix, StringComparison.Ordinal)) return step.Begin(need[FlowPrefix.Length..]);
        return need switch
        {
            "happened" => step.Begin(Flow.HappenedToMe),
            "saw" => step.Begin(Flow.Bystander),
            "what-counts" => step.Begin(Flow.WhatCounts),
            "report-or-police" => step.Begin(Flow.ReportOrPolice),
            "person" => step.Begin(Flow.TalkToPerson),
            _ => FollowOwnWords(step),
        };
    }

    private static StepResult FollowOwnWords(StepContext step)
    {
        var flow = OwnWords.FlowFor(step.Turn) ?? Flow.HappenedToMe;
        if (!OwnWords.LikelyOf(step.Turn, flow)) return step.Begin(Flow.ConfirmSwitch, new() { [Switch.ConfirmSwitchDialog.Target] = flow });
        // Kept as the need, so "wat kan ik nu doen?" afterwards gives this help again.
        step.Remember(Need, Start(flow));
        return step.Begin(flow);
    }

    /// <summary>"…en ik wil het ook melden": once the first need is met, the next one is offered, not the general menu.</summary>
    private static StepResult OfferWhatWasAlsoAsked(StepContext step)
    {
        var pending = step.Turn.State.PendingFlows;
        if (pending.Count == 0) return step.Next();
        var next = pending[0];
        pending.RemoveAt(0);
        return step.Begin(Flow.ConfirmSwitch, new() { [Switch.ConfirmSwitchDialog.Target] = next });
    }

    /// <summary>"dit gebeurt vaker, wat kan ik doen?" after the help was given: that help again, or the menu when the need
    /// was told in words that are no longer here.</summary>
    private const string Again = "again";

    private static StepResult AgainOrGoodbye(StepContext step)
    {
        if (step.Answered(More, Again) && step.Answer(Need) is { } need && need != Answers.OwnWords && need != Start(Flow.ConfirmSwitch))
            return step.Loop();
        if (step.Answered(More, "menu") || step.Answered(More, Again))
        {
            step.Forget(Need);
            return step.Loop();
        }
        if (step.Answered(More, Answers.OwnWords) && OwnWords.FlowFor(step.Turn) is { } flow)
        {
            if (OwnWords.LikelyOf(step.Turn, flow)) step.Remember(Need, Start(flow));
            else
            {
                step.Remember(Need, Start(Flow.ConfirmSwitch));
                step.Remember(Switch.ConfirmSwitchDialog.Target, flow);
            }
            return step.Loop();
        }
        step.Turn.SayGoodbye();
        return step.End();
    }
}
