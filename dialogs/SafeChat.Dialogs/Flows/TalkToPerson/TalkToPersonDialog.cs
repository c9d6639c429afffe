using System.Globalization;
using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Engine.Prompts;
using SafeChat.Dialogs.Flows.Routing;
using SafeChat.Dialogs.Live;

namespace SafeChat.Dialogs.Flows.TalkToPerson;

/// <summary>
/// Wants a person. When the team is on duty: what a live chat is (a person from the report point, not the police), the
/// wait, 112 for danger, and the choice to wait or have the phone numbers. Off duty: honestly so, with the hours, and
/// the lines that are always there. Never a waiting room with nobody behind it.
/// </summary>
public sealed class TalkToPersonDialog : Dialog
{
    private const string Wait = "wait";

    public override string Id => Flow.TalkToPerson;

    public override IReadOnlyList<Step> Steps { get; } =
    [
        step =>
        {
            if (step.Turn.LiveDesk?.Status(step.Turn.Now) is not { } desk) return Numbers(step);
            if (!desk.OnDuty)
            {
                step.Say("live.off-duty", new Dictionary<string, string>
                {
                    ["days"] = step.Turn.Content.Text(step.Language, desk.Hours.DaysKey),
                    ["opens"] = Clock(desk.Hours.Opens), ["closes"] = Clock(desk.Hours.Closes),
                });
                return Numbers(step);
            }
            step.Say("live.offer", new Dictionary<string, string> { ["minutes"] = Math.Max(1, desk.ExpectedWaitMinutes).ToString(CultureInfo.InvariantCulture) });
            return step.Ask(Prompt.Choice(Wait, "live.ask-wait", "live-wait", "live-numbers"), "emergency");
        },
        step =>
        {
            if (!step.Answered(Wait, "live-wait")) return Numbers(step);
            step.Do(new RequestLiveChat());
            step.Turn.State.Live = LiveStatus.Waiting;
            step.Say("live.waiting");
            return step.End();
        },
    ];

    /// <summary>The people to talk to by phone or chat, by topic.</summary>
    private static StepResult Numbers(StepContext step)
    {
        step.Route(HelpRoutes.TalkToPerson);
        step.SayWithContacts("person.by-topic", "csg", "veilig-thuis");
        return step.End();
    }

    private static string Clock(TimeOnly time) => time.Minute == 0 ? time.Hour.ToString(CultureInfo.InvariantCulture) : time.ToString("H:mm", CultureInfo.InvariantCulture);
}
