using SafeChat.Dialogs.Engine.Prompts;

namespace SafeChat.Dialogs.Engine;

/// <summary>
/// A conversation flow as a list of steps. Each step says things and then asks a question,
/// moves on, starts another dialog or ends. Read the steps top to bottom to read the conversation.
/// </summary>
public abstract class Dialog
{
    public abstract string Id { get; }
    public abstract IReadOnlyList<Step> Steps { get; }

    /// <summary>Its steps skip what the person already told: a message with new facts re-runs the waiting step.</summary>
    public virtual bool FillsFromFacts => false;
}

public delegate StepResult Step(StepContext step);

/// <summary>What a step wants next. Made by the methods on <see cref="StepContext"/>.</summary>
public abstract record StepResult
{
    public sealed record Wait(PendingPrompt Prompt, IReadOnlyList<string>? Contacts = null) : StepResult;
    public sealed record Next : StepResult;
    public sealed record End : StepResult;
    public sealed record Begin(string DialogId, bool Replace, Dictionary<string, string>? Known = null) : StepResult;
    public sealed record Loop : StepResult;
    public sealed record Repeat : StepResult;

    /// <summary>The step rearranged the conversation itself (through the runner); nothing more this turn.</summary>
    public sealed record Handled : StepResult;
}
