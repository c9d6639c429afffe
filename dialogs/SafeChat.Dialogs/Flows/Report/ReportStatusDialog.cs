using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Engine.Prompts;
using SafeChat.Dialogs.Reports;

namespace SafeChat.Dialogs.Flows.Report;

/// <summary>
/// "status CODE": what happened with the report and any reply from staff, and a chance to add information.
/// The code arrives as a known answer from <see cref="Engine.Interrupts.ReportStatusInterrupt"/>.
/// </summary>
public sealed class ReportStatusDialog : Dialog
{
    public const string Code = "code";
    private const string Added = "added";

    public override string Id => Flow.ReportStatus;

    public override IReadOnlyList<Step> Steps { get; } =
    [
        step =>
        {
            var status = step.Turn.Reports?.Find(step.Answer(Code)!);
            if (status is null)
            {
                step.Turn.State.WrongReportCodes++;
                step.Say("status.unknown");
                return step.End();
            }
            step.Say("status.found", new Dictionary<string, string> { ["code"] = status.Code, ["status"] = step.Text("status." + status.Status) });
            // A closed case shows only that it is closed: its code no longer opens what was said, or lets anyone add to it.
            if (status.Status == ReportStatuses.Closed) return step.End();
            if (status.StaffReply is { } reply) step.Say("status.reply", new Dictionary<string, string> { ["reply"] = reply });
            return step.Ask(Prompt.Text(Added, "status.ask-add").WithChoices("no-thanks").Scrub());
        },
        step =>
        {
            if (step.Answered(Added, "no-thanks")) return step.End();
            step.Do(new ReporterAddedInformation(step.Answer(Code)!, step.Answer(Added)!));
            step.Say("status.added");
            return step.End();
        },
    ];
}
