using System.Text.Json.Serialization;

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

    /// <summary>The fact a reply in words can give (<see cref="Understanding.Facts"/> keys: when, where, who, what):
    /// a reply that tells it answers the question as <see cref="Answers.Recognized"/>.</summary>
    public string? Recognizes { get; init; }

    public PendingPrompt Recognizing(string factKey) => this with { Recognizes = factKey };

    /// <summary>The choice "weet ik niet" / "misschien" counts as (for the danger question: yes).</summary>
    public string? UnsureMeans { get; init; }

    public PendingPrompt IfUnsure(string choiceId) => this with { UnsureMeans = choiceId };

    /// <summary>The choice a question asking for advice picks ("hoe kan ik helpen?", "moet ik ertussen gaan?").</summary>
    public string? AdviceMeans { get; init; }

    public PendingPrompt IfAskedForAdvice(string choiceId) => this with { AdviceMeans = choiceId };

    /// <summary>The choice a story told with a time and no danger now picks ("yesterday a guy kept touching her hair").</summary>
    public string? PastMeans { get; init; }

    public PendingPrompt IfToldAsPast(string choiceId) => this with { PastMeans = choiceId };

    /// <summary>"Ben je nu in gevaar?": once a safety check has answered it, it is not asked again.</summary>
    public bool IsDangerQuestion { get; init; }

    /// <summary>What to say the first time a reply is not understood, when the question has its own hint
    /// ("Dat kon ik niet als dag of tijd lezen…"); otherwise the general "Dat begreep ik niet".</summary>
    public string? UnclearKey { get; init; }

    public PendingPrompt IfUnclear(string textKey) => this with { UnclearKey = textKey };

    [JsonIgnore] // derived from Choices: not stored with the state
    public bool IsYesNo => Choices.Any(c => c.Id == Answers.Yes) && Choices.Any(c => c.Id == Answers.No);
}

/// <summary>A choice is an id for the flow and a text key for the person; <see cref="Signal"/>, when set, is the triage
/// signal that chooses it from words ("hoe werkt dat met de politie?" chooses the aangifte).</summary>
public sealed record ChoiceOption(string Id, string LabelKey, string? Signal = null);

public static class Prompt
{
    public static PendingPrompt Choice(string key, string textKey, params ChoiceOption[] choices) =>
        new(PromptKind.Choice, key, textKey, [.. choices]);

    /// <summary>Lets a triage signal choose a choice ("choice id=signal"), for replies in one's own words.</summary>
    public static PendingPrompt ChosenBy(this PendingPrompt prompt, params (string ChoiceId, string Signal)[] signals) =>
        prompt with { Choices = [.. prompt.Choices.Select(c => signals.FirstOrDefault(s => s.ChoiceId == c.Id) is { Signal: { } signal } ? c with { Signal = signal } : c)] };

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

    /// <summary>The reply told the fact the question asks for (a date, a place…); it is in the conversation's facts.</summary>
    public const string Recognized = "recognized";

    /// <summary>"Met een mens praten", offered at any question the person did not understand.</summary>
    public const string TalkToPerson = "talk-to-person";
}
