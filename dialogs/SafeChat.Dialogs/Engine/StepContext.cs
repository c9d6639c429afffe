using SafeChat.Dialogs.Engine.Prompts;
using SafeChat.Dialogs.Understanding;

namespace SafeChat.Dialogs.Engine;

/// <summary>What a step can see and do: the answers so far, what the person told, saying things, and what comes next.</summary>
public sealed class StepContext(TurnContext turn, DialogFrame frame, DialogRunner runner)
{
    public TurnContext Turn { get; } = turn;
    public DialogRunner Runner { get; } = runner;
    public string Language => Turn.Language;

    public string? Answer(string key) => frame.Answers.GetValueOrDefault(key);
    public bool Answered(string key, string choiceId) => Answer(key) == choiceId;

    /// <summary>Keeps a value the flow worked out (not asked), next to the answers.</summary>
    public void Remember(string key, string value) => frame.Answers[key] = value;

    public void Forget(string key) => frame.Answers.Remove(key);

    public IReadOnlySet<string> Signals => Turn.Triage.Signals;
    public ChannelKind Channel => Turn.Channel;

    /// <summary>What the person told so far, in this message or before.</summary>
    public Facts Facts => Turn.State.Facts;

    /// <summary>Records that a named routing rule fired (the host logs the name) and gives its help.</summary>
    public void Route(Flows.Routing.HelpRoute route) => Turn.Route(route);

    /// <summary>This flow gave its help from facts it did not ask: if a later message corrects one, it runs again.</summary>
    public void RoutedFrom(string flow, params string[] factKeys)
    {
        Turn.State.LastRoutedFlow = factKeys.Length == 0 ? null : flow;
        Turn.State.LastRoutedFacts = [.. factKeys];
    }

    public void Say(string textKey, IReadOnlyDictionary<string, string>? args = null) => Turn.Say(textKey, args);
    public void SayWithContacts(string textKey, params string[] serviceKeys) => Turn.Say(textKey, contacts: serviceKeys);

    public StepResult Ask(PendingPrompt prompt) => new StepResult.Wait(prompt);

    /// <summary>Asks with help lines shown in the question itself ("Ben je nu in gevaar?" with 112).</summary>
    public StepResult Ask(PendingPrompt prompt, params string[] contacts) => new StepResult.Wait(prompt, contacts);

    public StepResult Next() => new StepResult.Next();
    public StepResult End() => new StepResult.End();
    public StepResult Begin(string dialogId, Dictionary<string, string>? known = null) => new StepResult.Begin(dialogId, Replace: false, known);
    public StepResult ReplaceWith(string dialogId, Dictionary<string, string>? known = null) => new StepResult.Begin(dialogId, Replace: true, known);

    /// <summary>Asks the last question of this dialog again (e.g. "anything else?" in a multiple choice).</summary>
    public StepResult Repeat() => new StepResult.Repeat();

    /// <summary>Drops the conversation so far and shows the menu, or starts a flow with the menu beneath it.</summary>
    public StepResult ToMenu(string? thenFlow = null, bool confirm = false)
    {
        Runner.ToMenu(thenFlow, confirm);
        return new StepResult.Handled();
    }

    /// <summary>Asks the host to do something lasting (store a report), in the same transaction as this turn.</summary>
    public void Do(ITurnEffect effect) => Turn.Effects.Add(effect);

    public DateTimeOffset Now => Turn.Now;

    /// <summary>A text in the conversation's language, e.g. a choice's label for a summary.</summary>
    public string Text(string key, IReadOnlyDictionary<string, string>? args = null) => Turn.Content.Text(Language, key, args);

    /// <summary>Runs this dialog again from its first step, keeping what it remembered.</summary>
    public StepResult Loop() => new StepResult.Loop();
}
