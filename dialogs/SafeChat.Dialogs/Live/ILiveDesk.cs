namespace SafeChat.Dialogs.Live;

/// <summary>
/// The team that can take over a conversation, as the host knows it: whether someone is on duty now, the wait, and the
/// staffed hours (to say honestly when no one is there). The engine asks; the host answers from its settings and queue.
/// </summary>
public interface ILiveDesk
{
    LiveDeskStatus Status(DateTimeOffset now);
}

/// <param name="OnDuty">Staffed hours now: a live chat can be offered.</param>
/// <param name="ExpectedWaitMinutes">A rough wait for someone who starts waiting now.</param>
/// <param name="Hours">The staffed hours: "always", or days and times such as "mon-fri 09:00-17:00".</param>
public sealed record LiveDeskStatus(bool OnDuty, int ExpectedWaitMinutes, StaffedHours Hours);
