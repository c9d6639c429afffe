using SafeChat.Dialogs.Live;

namespace SafeChat.Bot.Live;

/// <summary>Section "Handover": when the team chats, and how long a person may wait before supervisors hear of it.</summary>
public sealed class HandoverOptions
{
    /// <summary>"always", or days and times in Rotterdam time such as "mon-fri 09:00-17:00".</summary>
    public string Hours { get; set; } = "mon-fri 09:00-17:00";

    /// <summary>A person waiting longer than this is escalated like an overdue case.</summary>
    public int MaxWaitMinutes { get; set; } = 10;

    /// <summary>For the wait SafeChat tells a person: about this many minutes per chat ahead of them.</summary>
    public int MinutesPerChat { get; set; } = 5;

    /// <summary>The team's quick answers for live chats, relative to the application folder (null: the bundled file).</summary>
    public string? QuickAnswers { get; set; }

    public StaffedHours StaffedHours => StaffedHours.Parse(Hours);
}
