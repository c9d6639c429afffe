using SafeChat.Dialogs.Triage;

namespace SafeChat.Bot.Conversations;

/// <summary>
/// Reads a message for danger or thoughts of suicide when it arrives, before its turn is queued, so its turn goes in
/// the urgent lane (<see cref="TurnQueue"/>). The same triage the engine runs (the model is shared); tens of
/// microseconds a message. The engine still decides what to say: this only decides who goes first.
/// </summary>
public sealed class UrgentMessages
{
    private readonly TriageRecognizer _triage = new();

    public bool IsUrgent(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return false;
        var result = _triage.Recognize(text);
        return result.Danger > SafetyLevel.None || result.SelfHarm > SafetyLevel.None;
    }
}
