using SafeChat.Dialogs.Engine.Prompts;

namespace SafeChat.Dialogs.Engine;

/// <summary>What a step can see and do: the answers so far, saying things, and what comes next.</summary>
public sealed class StepContext(TurnContext turn, DialogFrame frame)
{
    public TurnContext Turn { get; } = turn;
    public string Language => Turn.Language;

    public string? Answer(string key) => frame.Answers.GetValueOrDefault(key);
    public bool Answered(string key, string choiceId) => Answer(key) == choiceId;

    /// <summary>Keeps a value the flow worked out (not asked), next to the answers.</summary>
    public void Remember(string key, string value) => frame.Answers[key] = value;

    public IReadOnlySet<string> Signals => Turn.Triage.Signals;
    public ChannelKind Channel => Turn.Channel;

    /// <summary>Records that a named routing rule fired (the host logs the name) and gives its help.</summary>
    public void Route(Flows.Routing.HelpRoute route)
    {
        Turn.FiredRules.Add(route.Name);
        Turn.Say(route.TextKey, contacts: route.Services);
    }

    public void Say(string textKey, IReadOnlyDictionary<string, string>? args = null) => Turn.Say(textKey, args);
    public void SayWithContacts(string textKey, params string[] serviceKeys) => Turn.Say(textKey, contacts: serviceKeys);

    public StepResult Ask(PendingPrompt prompt) => new StepResult.Wait(prompt);
    public StepResult Next() => new StepResult.Next();
    public StepResult End() => new StepResult.End();
    public StepResult Begin(string dialogId) => new StepResult.Begin(dialogId, Replace: false);
    public StepResult ReplaceWith(string dialogId) => new StepResult.Begin(dialogId, Replace: true);

    /// <summary>Asks the last question of this dialog again (e.g. "anything else?" in a multiple choice).</summary>
    public StepResult Repeat() => new StepResult.Repeat();

    /// <summary>Asks the host to do something lasting (store a report), in the same transaction as this turn.</summary>
    public void Do(ITurnEffect effect) => Turn.Effects.Add(effect);

    public DateTimeOffset Now => Turn.Now;

    /// <summary>A text in the conversation's language, e.g. a choice's label for a summary.</summary>
    public string Text(string key, IReadOnlyDictionary<string, string>? args = null) => Turn.Content.Text(Language, key, args);

    /// <summary>Runs this dialog again from its first step, keeping what it remembered.</summary>
    public StepResult Loop() => new StepResult.Loop();
}
