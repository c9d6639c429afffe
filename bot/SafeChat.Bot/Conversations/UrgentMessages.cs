using SafeChat.Dialogs.Content;
using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Triage;

namespace SafeChat.Bot.Conversations;

/// <summary>
/// Reads a message for danger or thoughts of suicide when it arrives, before its turn is queued, so its turn goes in
/// the urgent lane (<see cref="TurnQueue"/>). The same triage the engine runs (the model is shared); tens of
/// microseconds a message. The engine still decides what to say: for the lane, while the instance is still loading the
/// models (<see cref="EngineReadiness"/>), every message goes in the normal lane rather than holding its request until
/// the load is done.
/// </summary>
/// <param name="content">When given, SafeChat's own button labels and commands are read once and remembered, as the engine
/// does (<see cref="RememberedTriage"/>): most messages are taps on a button.</param>
public sealed class UrgentMessages(EngineReadiness? readiness = null, ContentCatalog? content = null)
{
    private readonly Lazy<ITriage> _triage = new(() => content is null ? new TriageRecognizer() : new RememberedTriage(new TriageRecognizer(), content));

    /// <summary>For the lane only: false while the models load.</summary>
    public bool IsUrgent(string? text) => readiness is not { IsWarm: false } && Read(text);

    /// <summary>
    /// Where more than the lane hangs on it (a message that answers WhatsApp's template is a turn only when it speaks
    /// of danger), always read: while the models load this waits for them without holding a thread.
    /// </summary>
    public async Task<bool> SpeaksOfDangerAsync(string? text, CancellationToken cancellation)
    {
        if (readiness is not null) await readiness.WhenWarm.WaitAsync(cancellation);
        return Read(text);
    }

    private bool Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return false;
        var result = _triage.Value.Recognize(text);
        return result.Danger > SafetyLevel.None || result.SelfHarm > SafetyLevel.None;
    }
}
