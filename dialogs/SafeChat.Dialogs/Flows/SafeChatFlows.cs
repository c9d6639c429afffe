using SafeChat.Dialogs.Content;
using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Flows.Bystander;
using SafeChat.Dialogs.Flows.Greeting;
using SafeChat.Dialogs.Flows.HappenedToMe;
using SafeChat.Dialogs.Flows.MainMenu;
using SafeChat.Dialogs.Flows.Report;
using SafeChat.Dialogs.Reports;
using SafeChat.Dialogs.Flows.ReportOrPolice;
using SafeChat.Dialogs.Flows.SexualViolence;
using SafeChat.Dialogs.Flows.SomeoneClose;
using SafeChat.Dialogs.Flows.TalkToPerson;
using SafeChat.Dialogs.Flows.WhatCounts;
using SafeChat.Dialogs.Triage;

namespace SafeChat.Dialogs.Flows;

/// <summary>Wires SafeChat's flows, content and triage into one engine.</summary>
public static class SafeChatFlows
{
    public static IReadOnlyList<Dialog> All() =>
    [
        new GreetingDialog(), new MainMenuDialog(),
        new HappenedToMeDialog(), new StreetHarassmentDialog(), new SexualViolenceDialog(), new SomeoneCloseDialog(),
        new WhatCountsDialog(), new ReportOrPoliceDialog(), new TalkToPersonDialog(),
        new BystanderDialog(), new BystanderNowDialog(), new BystanderAfterDialog(), new BystanderPrepareDialog(), new BystanderFriendDialog(),
        new ReportDialog(), new ReportStatusDialog(), new Erase.EraseDialog(),
        .. SafetyNet().Where(d => d is not TalkToPersonDialog),
    ];

    /// <summary>The dialogs the engine itself starts at any question: the safety check, waiting until it is over,
    /// checking a switch of topic, and talking to a person.</summary>
    public static IReadOnlyList<Dialog> SafetyNet() =>
        [new Safety.SafetyCheckDialog(), new Safety.WhenSafeDialog(), new Switch.ConfirmSwitchDialog(), new TalkToPersonDialog()];

    public static ConversationEngine CreateEngine(ContentCatalog? content = null, IReportBook? reports = null, Live.ILiveDesk? liveDesk = null) =>
        new(content ?? ContentCatalog.LoadEmbedded(), new TriageRecognizer(), All(), Flow.Greeting, menuDialog: Flow.MainMenu, reports: reports, liveDesk: liveDesk);
}
