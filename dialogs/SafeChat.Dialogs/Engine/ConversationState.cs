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
    public List<DialogFrame> Stack { get; set; } = [];

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
}
