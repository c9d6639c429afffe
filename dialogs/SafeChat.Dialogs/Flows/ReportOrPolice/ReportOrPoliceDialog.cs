using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Engine.Prompts;
using SafeChat.Dialogs.Flows.Routing;
using SafeChat.Dialogs.Triage;
using SafeChat.Dialogs.Understanding;

namespace SafeChat.Dialogs.Flows.ReportOrPolice;

/// <summary>
/// The decision aid: a report to the municipality (melding), a police complaint (aangifte) or an anonymous
/// tip (only where it fits) — what each is, who gets it, whether it is anonymous, what happens next — ending in an action.
/// </summary>
public sealed class ReportOrPoliceDialog : Dialog
{
    private const string Choice = "choice";

    /// <summary>For a "melding of aangifte?" choice in another flow: a question about the police picks it ("moet ik dan
    /// naar het bureau?").</summary>
    public static readonly (string ChoiceId, string Signal) AskedForThePolice = ("report-or-police", Signal.WantsPolice);

    public override string Id => Flow.ReportOrPolice;

    public override IReadOnlyList<Step> Steps { get; } =
    [
        step =>
        {
            // "Ik wil aangifte doen": no need to weigh the three ways first.
            if (step.Signals.Contains(Signal.WantsPolice) && !step.Signals.Contains(Signal.WantsReport) && !OwnWords.IsQuestion(step.Turn.NormalizedText))
            {
                step.Remember(Choice, "aangifte");
                step.Say("decision.aangifte");
                return step.Next();
            }
            step.Say("decision.melding");
            step.Say("decision.aangifte");
            // An anonymous tip fits a serious offence by someone the person can name, not one-off catcalling.
            var tipFits = TipFits(step);
            var choices = tipFits ? new[] { "melding", "aangifte", "tip", "support" } : ["melding", "aangifte", "support"];
            // Asking for a person is not "support or advice" (Slachtofferhulp's number): it goes to a person of the team,
            // as it does from any other question.
            return step.Ask(Prompt.Choice(Choice, tipFits ? "decision.ask-with-tip" : "decision.ask", choices)
                .ChosenBy(("melding", Signal.WantsReport), ("aangifte", Signal.WantsPolice)));
        },
        step =>
        {
            if (step.Answered(Choice, "melding")) return step.ReplaceWith(Flow.Report);
            step.Route(step.Answer(Choice) switch
            {
                "aangifte" => HelpRoutes.PoliceComplaint,
                "tip" => HelpRoutes.AnonymousTip,
                _ => HelpRoutes.Support,
            });
            if (step.Answered(Choice, "aangifte"))
            {
                step.Say("route.aangifte-rights");
                if (step.Facts.Topics.Contains(Topics.Lgbti)) step.Route(HelpRoutes.LgbtiPolice);
            }
            return step.End();
        },
    ];

    private static bool TipFits(StepContext step) =>
        step.Signals.Contains(Signal.SexualViolence) || step.Signals.Contains(Signal.DomesticViolence)
        || step.Facts.Who is { } who && who != PersonKinds.Stranger;
}
