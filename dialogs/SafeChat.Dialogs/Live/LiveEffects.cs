using SafeChat.Dialogs.Engine;

namespace SafeChat.Dialogs.Live;

/// <summary>The person chose to wait for someone from the team: the host puts the conversation in the live queue.</summary>
public sealed record RequestLiveChat : ITurnEffect;

/// <summary>The person stopped waiting before anyone joined.</summary>
public sealed record StopWaiting : ITurnEffect;

/// <summary>Danger ("112") or thoughts of suicide ("113") during a live chat: the number went to the person, and the staff
/// member holding (or about to take) the conversation sees a red flag.</summary>
public sealed record LiveDanger(string Line) : ITurnEffect;

/// <summary>Events the host sends into a conversation when the team joins or ends a live chat.</summary>
public static class LiveEvents
{
    /// <summary>Value: the first name of the staff member who joined.</summary>
    public const string Joined = "live-joined";

    /// <summary>Value: the first name of the staff member who ended it.</summary>
    public const string Ended = "live-ended";
}

/// <summary>Where a conversation stands with the team (<see cref="ConversationState.Live"/>).</summary>
public static class LiveStatus
{
    public const string Waiting = "waiting", Active = "active";
}
