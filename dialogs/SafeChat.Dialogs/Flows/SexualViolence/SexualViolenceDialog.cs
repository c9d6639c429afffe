using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Engine.Prompts;
using SafeChat.Dialogs.Flows.Routing;
using SafeChat.Dialogs.Triage;
using SafeChat.Dialogs.Understanding;

namespace SafeChat.Dialogs.Flows.SexualViolence;

/// <summary>
/// Sexual violence: not their fault; when it happened decides the route (the first days matter for medical and forensic
/// care); the person decides about the police. When they already said when, it is not asked again: one line says what
/// was understood, and a later message that corrects it gives the help again. By a partner, ex, family member or
/// housemate: Veilig Thuis as well; by anyone else they know, CSG as for everyone. When it was recent, what keeps
/// traces and PEP's 72 hours is offered, as information, never as a duty. Then the next step: melding or aangifte, or
/// someone to talk to.
/// </summary>
public sealed class SexualViolenceDialog : Dialog
{
    private const string When = "when", AfterAssault = "after-assault", Next = "next";

    public override string Id => Flow.SexualViolence;

    public override IReadOnlyList<Step> Steps { get; } =
    [
        step =>
        {
            if (step.Facts.WithinAWeek is not null) return step.Next();
            step.Say("sv.sorry");
            return step.Ask(Prompt.Choice(When, "sv.ask-when", "within-7-days", "longer-ago", "not-sure")
                .Recognizing(Facts.WhenKey).IfUnsure("not-sure"));
        },
        step =>
        {
            bool? recent = step.Answer(When) switch
            {
                "within-7-days" => true,
                "longer-ago" => false,
                "not-sure" => null,
                _ => step.Facts.WithinAWeek,
            };
            // Told already: sorry and what was understood in one message.
            if (step.Answer(When) is null)
                step.Say("sv.sorry-understood", new Dictionary<string, string> { ["when"] = WhenWords.Describe(step, step.Facts) });
            step.Route(recent == false ? HelpRoutes.EarlierSexualViolence : HelpRoutes.RecentSexualViolence);
            var close = PersonKinds.IsClose(step.Facts.Who) || step.Signals.Contains(Signal.DomesticViolence);
            if (close) step.Route(HelpRoutes.HarmBySomeoneClose);
            step.RoutedFrom(Flow.SexualViolence, step.Answer(When) is null ? [Facts.WhenKey, Facts.WhoKey] : [Facts.WhoKey]);
            if (recent == false) return step.Next();
            return step.Ask(Prompt.YesNo(AfterAssault, "sv.ask-after-assault"));
        },
        step =>
        {
            if (step.Answered(AfterAssault, Answers.Yes)) step.Say("sv.after-assault");
            else step.Say("sv.your-choice");
            return step.Ask(Prompt.Choice(Next, "sv.ask-next", "report-or-police", "support", "menu").ChosenBy(ReportOrPolice.ReportOrPoliceDialog.AskedForThePolice));
        },
        step =>
        {
            if (step.Answered(Next, "report-or-police")) return step.ReplaceWith(Flow.ReportOrPolice);
            if (step.Answered(Next, "support")) step.Route(HelpRoutes.Support);
            return step.End();
        },
    ];
}
