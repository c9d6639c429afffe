using System.Text.Json.Serialization;
using SafeChat.Dialogs.Engine.Prompts;

namespace SafeChat.Dialogs.Engine;

/// <summary>
/// Everything the engine remembers between turns. Stored as JSON next to the conversation,
/// so a conversation carries on correctly after a restart or on another instance.
/// </summary>
public sealed class ConversationState
{
    public string Language { get; set; } = Content.ContentCatalog.DefaultLanguage;
    public bool Started { get; set; }

    /// <summary>The person's language is known (from the page's locale, their words or their choice). Until then the
    /// first message's locale decides, even after a greeting in the default language.</summary>
    public bool LanguageSettled { get; set; }

    /// <summary>The languages listed by number in the last reply ("andere taal"): "2" picks the second. Null otherwise.</summary>
    public List<string>? OfferedLanguages { get; set; }

    public List<DialogFrame> Stack { get; set; } = [];

    /// <summary>Waiting for, or talking with, a person from the team (<see cref="Live.LiveStatus"/>); null with the bot.</summary>
    public string? Live { get; set; }

    /// <summary>The first name of the team member in the live chat.</summary>
    public string? LiveWith { get; set; }

    /// <summary>What the person has told so far: when, who, where, what.</summary>
    public Understanding.Facts Facts { get; set; } = new();

    /// <summary>The other signals of a message that a safety interrupt (112, 113) came first for: the conversation
    /// carries on with them once the person is safe, instead of starting over.</summary>
    public List<string> SetAside { get; set; } = [];

    /// <summary>The last flow that gave help from facts it did not ask, and which facts: a later message that
    /// corrects one of them runs that flow again.</summary>
    public string? LastRoutedFlow { get; set; }
    public List<string> LastRoutedFacts { get; set; } = [];

    /// <summary>Needs the person also named ("…en ik wil het melden"), offered when the flow they started ends.</summary>
    public List<string> PendingFlows { get; set; } = [];

    /// <summary>Messages the person sent in this conversation.</summary>
    public int Messages { get; set; }

    /// <summary>When (in <see cref="Messages"/>) the person last said they are not in danger: for a while after, an
    /// unsure signal does not ask again ("until they say otherwise").</summary>
    public int? SaidNoDangerAt { get; set; }

    /// <summary>The person said they are not (or no longer) in danger: it is not happening now any more.</summary>
    public void SaidNoDanger()
    {
        SaidNoDangerAt = Messages;
        Facts.HappeningNow = null;
    }

    /// <summary>Report codes looked up in this conversation that matched no report.</summary>
    public int WrongReportCodes { get; set; }

    /// <summary>When the gentle 113 line was last shown for an unsure signal (it is not repeated for a while).</summary>
    public int? SelfHarmLineShownAt { get; set; }

    /// <summary>Thoughts of suicide came up in this conversation (113 was shown, sure or gently): a word that sounds like
    /// a goodbye ("ik denk er nog over na") then never ends it.</summary>
    public bool SelfHarmCameUp { get; set; }

    /// <summary>The top of <see cref="Stack"/>. Not stored: stored, it doubled the state's size (the frame twice).</summary>
    [JsonIgnore]
    public DialogFrame? Active => Stack.Count > 0 ? Stack[^1] : null;
}

/// <summary>One running dialog: where it is, what it asked last, and the answers so far.</summary>
public sealed class DialogFrame
{
    public required string Dialog { get; set; }

    /// <summary>The step to run next; while a prompt waits, the step that asked it.</summary>
    public int Step { get; set; }

    public Dictionary<string, string> Answers { get; set; } = [];
    public PendingPrompt? Prompt { get; set; }

    /// <summary>Steps that asked a question, oldest first, so "back" can return to the one before.</summary>
    public List<int> Asked { get; set; } = [];

    /// <summary>The answer key each of <see cref="Asked"/> waited for: going back forgets that answer, so a step that
    /// skips a known answer asks again.</summary>
    public List<string> AskedKeys { get; set; } = [];

    /// <summary>The flow this one took over from ("Iemand volgde mij" → straatintimidatie): "terug" at this flow's
    /// first question returns to that flow's last one.</summary>
    public DialogFrame? HandedOverFrom { get; set; }
}
