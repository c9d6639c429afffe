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
    /// <summary>The flow for a message: of the signals triage finds likely, the most urgent; only when none is likely,
    /// the most urgent of the rest (which a caller then checks with the person first).</summary>
    public static string? FlowFor(TriageResult triage, string normalizedText) =>
        FlowFor(triage.Signals.Where(triage.Likely).ToHashSet(), normalizedText) ?? FlowFor(triage.Signals, normalizedText);

    /// <summary>The flow for this turn's message: from its signals, else from a topic it asks about (the law).</summary>
    public static string? FlowFor(TurnContext turn) => FlowFor(turn.Triage, turn.NormalizedText) ?? TopicFlow(turn);

    /// <summary>A question about the law, or about the difference between the choices, is answered without checking
    /// first: its words are plain.</summary>
    private static string? TopicFlow(TurnContext turn) =>
        turn.Told.Topics.Any(t => t is Understanding.Topics.Law or Understanding.Topics.Penalty) ? Flow.WhatCounts
        : turn.Told.Topics.Contains(Understanding.Topics.Choices) ? Flow.ReportOrPolice
        : null;

    /// <summary><see cref="LikelyOf(TriageResult, string)"/>, or the flow of a topic the message asks about.</summary>
    public static bool LikelyOf(TurnContext turn, string flow) => (LikelyOf(turn.Triage, flow) || TopicFlow(turn) == flow) && !Doubts(turn);

    /// <summary><see cref="SureOf(TriageResult, string)"/>, or the flow of a topic the message asks about.</summary>
    public static bool SureOf(TurnContext turn, string flow) => (SureOf(turn.Triage, flow) || TopicFlow(turn) == flow) && !Doubts(turn);

    /// <summary>"Not sure if I want to report it, maybe later": checked in one line before the flow starts.</summary>
    private static bool Doubts(TurnContext turn) => turn.Understander.Hesitates(turn.NormalizedText);

    public static string? FlowFor(IReadOnlySet<string> signals, string normalizedText)
    {
        // Someone helping someone else gets bystander help first, whatever happened to that person.
        if (signals.Contains(Signal.Bystander)) return Flow.Bystander;
        if (signals.Contains(Signal.SexualViolence)) return Flow.SexualViolence;
        if (signals.Contains(Signal.DomesticViolence)) return Flow.SomeoneClose;
        if (signals.Contains(Signal.WantsHuman)) return Flow.TalkToPerson;
        if (signals.Contains(Signal.WantsPolice)) return Flow.ReportOrPolice;
        if (signals.Contains(Signal.WantsReport)) return Flow.Report;
        if (signals.Contains(Signal.StreetHarassment)) return IsQuestion(normalizedText) ? Flow.WhatCounts : Flow.StreetHarassment;
        return null;
    }

    /// <summary>Needs a message names besides its main one ("ik ben betast en wil het melden"): offered afterwards.</summary>
    public static IReadOnlyList<string> AlsoWanted(TriageResult triage, string normalizedText)
    {
        var main = FlowFor(triage, normalizedText);
        var signals = triage.Signals.Where(triage.Likely).ToHashSet();
        var wanted = new List<string>();
        if (signals.Contains(Signal.WantsReport)) wanted.Add(Flow.Report);
        if (signals.Contains(Signal.WantsPolice)) wanted.Add(Flow.ReportOrPolice);
        if (signals.Contains(Signal.WantsHuman)) wanted.Add(Flow.TalkToPerson);
        return wanted.Where(f => f != main).Distinct().ToList();
    }

    /// <summary>Is triage sure of a signal that leads to this flow (so a reply can switch to it without asking)?</summary>
    public static bool SureOf(TriageResult triage, string flow) =>
        triage.Sure.Any(s => FlowFor(new HashSet<string> { s }, "") == flow || flow is Flow.WhatCounts or Flow.StreetHarassment && s == Signal.StreetHarassment);

    /// <summary>Begins the flow the words point to, with the menu beneath it (the runner only passes own words that
    /// point somewhere); when triage is not sure of it, one line checks first ("Wil je met een mens praten?").</summary>
    public static StepResult Follow(StepContext step)
    {
        var flow = FlowFor(step.Turn);
        return step.ToMenu(flow, confirm: flow is not null && !LikelyOf(step.Turn, flow));
    }

    /// <summary>Is a signal that leads to this flow likely enough to go there without checking?</summary>
    public static bool LikelyOf(TriageResult triage, string flow) =>
        triage.Signals.Where(triage.Likely).Any(s => FlowFor(new HashSet<string> { s }, "") == flow || s == Signal.StreetHarassment && flow is Flow.WhatCounts or Flow.StreetHarassment);

    public static bool IsQuestion(string text) =>
        text.EndsWith('?') || text.Split(' ')[0] is "wat" or "is" or "mag" or "hoe" or "waarom" or "wanneer" or "what" or "why" or "how" or "can" or "does" or "do" or "are";
}
