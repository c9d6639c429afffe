using SafeChat.Dialogs.Activities;

namespace SafeChat.Dialogs.Engine.Interrupts;

/// <summary>A photo or file without words: say politely that it is not looked at or kept, and ask the question again.</summary>
public sealed class MediaInterrupt : IInterrupt
{
    /// <summary>The attachment a channel puts on an activity for media it did not download.</summary>
    public const string IgnoredMedia = "application/vnd.safechat.media-not-downloaded";

    public bool TryHandle(TurnContext turn, DialogRunner runner)
    {
        if (!string.IsNullOrWhiteSpace(turn.Text) || turn.Inbound.Attachments?.Any(a => a.ContentType == IgnoredMedia) != true) return false;
        turn.Say("media.not-kept");
        if (!runner.Reprompt() && turn.State.Active is null) runner.StartOver();
        return true;
    }
}
