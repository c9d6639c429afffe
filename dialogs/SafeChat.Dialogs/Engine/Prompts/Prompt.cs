namespace SafeChat.Dialogs.Engine.Prompts;

public enum PromptKind { Choice, Text }

/// <summary>A question the conversation waits on. Plain data, so it survives a restart.</summary>
public sealed record PendingPrompt(PromptKind Kind, string Key, string TextKey, List<ChoiceOption> Choices, int Retries = 0)
{
    /// <summary>A choice prompt that also takes words of one's own: the answer is then <see cref="Answers.OwnWords"/>.</summary>
    public bool AcceptsOwnWords { get; init; }

    public PendingPrompt OrOwnWords() => this with { AcceptsOwnWords = true };

    /// <summary>Values for placeholders in the question text, e.g. what was chosen so far.</summary>
    public Dictionary<string, string>? Args { get; init; }

    /// <summary>Free text is cleaned of phone numbers, e-mail addresses and long digit strings before it is kept.</summary>
    public bool Scrubbed { get; init; }

    public PendingPrompt With(Dictionary<string, string> args) => this with { Args = args };

    /// <summary>A text question that can also be answered with one of these choices (such as "skip").</summary>
    public PendingPrompt WithChoices(params string[] choiceIds) =>
        this with { Choices = [.. choiceIds.Select(id => new ChoiceOption(id, "choice." + id))] };

    public PendingPrompt Scrub() => this with { Scrubbed = true };
}

/// <summary>A choice is an id for the flow and a text key for the person.</summary>
public sealed record ChoiceOption(string Id, string LabelKey);

public static class Prompt
{
    public static PendingPrompt Choice(string key, string textKey, params ChoiceOption[] choices) =>
        new(PromptKind.Choice, key, textKey, [.. choices]);

    /// <summary>Choices by id; each label is the text "choice.&lt;id&gt;".</summary>
    public static PendingPrompt Choice(string key, string textKey, params string[] choiceIds) =>
        Choice(key, textKey, choiceIds.Select(id => new ChoiceOption(id, "choice." + id)).ToArray());

    public static PendingPrompt YesNo(string key, string textKey) =>
        Choice(key, textKey, new ChoiceOption(Answers.Yes, "choice.yes"), new ChoiceOption(Answers.No, "choice.no"));

    public static PendingPrompt Text(string key, string textKey) =>
        new(PromptKind.Text, key, textKey, []);

    /// <summary>Longest free text kept from one answer: enough for a description, not for a life story.</summary>
    public const int MaxTextLength = 1000;
}

public static class Answers
{
    public const string Yes = "yes";
    public const string No = "no";

    /// <summary>The person typed something of their own; the step reads it through triage, not as text.</summary>
    public const string OwnWords = "own-words";
}
