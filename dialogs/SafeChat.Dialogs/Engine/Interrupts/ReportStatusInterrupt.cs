using System.Text.RegularExpressions;
using SafeChat.Dialogs.Flows;
using SafeChat.Dialogs.Flows.Report;
using SafeChat.Dialogs.Reports;

namespace SafeChat.Dialogs.Engine.Interrupts;

/// <summary>"status ABCD-EFGH" works in any channel and at any point, also in a brand-new conversation.</summary>
public sealed partial class ReportStatusInterrupt : IInterrupt
{
    public bool TryHandle(TurnContext turn, DialogRunner runner)
    {
        var match = StatusCommand().Match(turn.Text ?? "");
        if (!match.Success || ReportCode.Parse(match.Groups["code"].Value) is not { } code) return false;
        turn.State.Started = true;
        runner.Begin(Flow.ReportStatus, new() { [ReportStatusDialog.Code] = code });
        return true;
    }

    [GeneratedRegex(@"^\s*status\s*:?\s*(?<code>[a-z0-9]{4}[\s-]?[a-z0-9]{4})\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex StatusCommand();
}
