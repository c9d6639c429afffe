using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Triage;

namespace SafeChat.Dialogs.Flows.Routing;

/// <summary>
/// When someone answers in their own words instead of tapping a choice, the triage signals pick the flow.
/// The order is the order of urgency; danger (112) and suicidal thoughts (113) were already handled by the
/// safety interrupt before any step saw the message.
/// </summary>
public static class OwnWords
{
    public static string? FlowFor(IReadOnlySet<string> signals, string normalizedText)
    {
        if (signals.Contains(Signal.SexualViolence)) return Flow.SexualViolence;
        if (signals.Contains(Signal.DomesticViolence)) return Flow.SomeoneClose;
        if (signals.Contains(Signal.Bystander)) return Flow.Bystander;
        if (signals.Contains(Signal.WantsHuman)) return Flow.TalkToPerson;
        if (signals.Contains(Signal.WantsPolice)) return Flow.ReportOrPolice;
        if (signals.Contains(Signal.WantsReport)) return Flow.Report;
        if (signals.Contains(Signal.StreetHarassment)) return IsQuestion(normalizedText) ? Flow.WhatCounts : Flow.StreetHarassment;
        return null;
    }

    /// <summary>Begins the flow the words point to (the current dialog resumes after it); otherwise says so and shows the menu.</summary>
    public static StepResult Follow(StepContext step)
    {
        var flow = FlowFor(step.Signals, step.Turn.NormalizedText);
        if (flow is not null) return step.Begin(flow);
        step.Say("menu.not-understood");
        return step.ReplaceWith(Flow.MainMenu);
    }

    private static bool IsQuestion(string text) =>
        text.EndsWith('?') || text.Split(' ')[0] is "wat" or "is" or "mag" or "hoe" or "waarom" or "wanneer" or "what" or "why" or "how" or "can" or "does" or "do" or "are";
}
