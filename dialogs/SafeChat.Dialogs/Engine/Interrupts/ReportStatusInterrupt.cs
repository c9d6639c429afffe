using System.Text.RegularExpressions;
using SafeChat.Dialogs.Flows;
using SafeChat.Dialogs.Flows.Report;
using SafeChat.Dialogs.Reports;

namespace SafeChat.Dialogs.Engine.Interrupts;

/// <summary>
/// "status ACDEF-GHJKM-NPQRT" works in any channel and at any point, also in a brand-new conversation. A code works like
/// a password: after <see cref="MaxWrongCodes"/> wrong ones a conversation can look nothing up any more.
/// </summary>
public sealed partial class ReportStatusInterrupt : IInterrupt
{
    public bool TryHandle(TurnContext turn, DialogRunner runner)
    {
        var match = StatusCommand().Match(turn.Text ?? "");
        if (!match.Success || ReportCode.Parse(match.Groups["code"].Value) is not { } code) return false;
        turn.State.Started = true;
        if (turn.State.WrongReportCodes >= MaxWrongCodes)
        {
            turn.Say("status.too-many");
            if (!runner.Reprompt() && turn.State.Active is null) runner.ToMenu();
            return true;
        }
        runner.Begin(Flow.ReportStatus, new() { [ReportStatusDialog.Code] = code });
        return true;
    }

    public const int MaxWrongCodes = 5;

    [GeneratedRegex(@"^\s*status\s*:?\s*(?<code>[a-z0-9][a-z0-9\s-]{6,20}[a-z0-9])\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex StatusCommand();
}
