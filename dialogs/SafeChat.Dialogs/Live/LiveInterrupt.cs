using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Engine.Interrupts;
using SafeChat.Dialogs.Triage;

namespace SafeChat.Dialogs.Live;

/// <summary>
/// While a conversation waits for, or is held by, a person from the team, the bot does not answer: the team does. Only
/// the safety net stays: danger gets 112 and thoughts of suicide get 113 at once, and the host flags the conversation
/// red for the staff member (with a person in the chat, an unsure danger score is left to them). While waiting, "stop" stops waiting and anything else hears how long the wait is. The
/// team's join and end arrive as events: the bot says who is there, and takes over again with the menu at the end.
/// </summary>
public sealed class LiveInterrupt : IInterrupt
{
    public bool TryHandle(TurnContext turn, DialogRunner runner)
    {
        var state = turn.State;
        if (turn.Inbound.Type == Activities.ActivityTypes.Event) return HandleEvent(turn, runner);
        if (state.Live is null || turn.Inbound.Type != Activities.ActivityTypes.Message) return false;

        // Danger: with a person in the chat, only when triage is sure or the person's own words say it. The unsure level
        // fires on many an ordinary account of harassment, which is what people tell the team; the team member reads
        // those and asks, and the red flag keeps its meaning. While still waiting alone, any level.
        var alone = state.Live == LiveStatus.Waiting;
        var safety = false;
        if (turn.Triage.Danger == SafetyLevel.Act || turn.Triage.DangerInOwnWords || alone && turn.Triage.Danger > SafetyLevel.None)
        {
            turn.Effects.Add(new LiveDanger("112"));
            turn.Say("danger.call-112", contacts: ["emergency"]);
            safety = true;
        }
        // Thoughts of suicide get 113 at either level: a needless mention costs little there.
        if (turn.Triage.SelfHarm > SafetyLevel.None)
        {
            turn.Effects.Add(new LiveDanger("113"));
            turn.Say("self-harm.call-113", contacts: ["113"]);
            safety = true;
        }
        if (state.Live != LiveStatus.Waiting) return true;
        if (turn.Content.IsStopWaiting(turn.Language, turn.NormalizedText))
        {
            state.Live = null;
            turn.Effects.Add(new StopWaiting());
            turn.Say("live.stopped");
            runner.ToMenu();
        }
        else if (!safety)
        {
            var wait = turn.LiveDesk?.Status(turn.Now).ExpectedWaitMinutes ?? 0;
            turn.Say("live.still-waiting", new Dictionary<string, string> { ["minutes"] = Math.Max(1, wait).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }
        return true;
    }

    private static bool HandleEvent(TurnContext turn, DialogRunner runner)
    {
        var name = turn.Text is { Length: > 0 and <= 40 } given ? given : "";
        switch (turn.Inbound.Name)
        {
            case LiveEvents.Joined:
                turn.State.Live = LiveStatus.Active;
                turn.State.LiveWith = name;
                turn.Say("live.joined", new Dictionary<string, string> { ["name"] = name });
                return true;
            case LiveEvents.Ended when turn.State.Live is not null:
                turn.State.Live = null;
                turn.State.LiveWith = null;
                turn.Say("live.ended", new Dictionary<string, string> { ["name"] = name });
                runner.ToMenu();
                return true;
            default:
                return false;
        }
    }
}
