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
/// housemate: Veilig Thuis as well.
/// </summary>
public sealed class SexualViolenceDialog : Dialog
{
    private const string When = "when";

    public override string Id => Flow.SexualViolence;

    public override IReadOnlyList<Step> Steps { get; } =
    [
        step =>
        {
            step.Say("sv.sorry");
            if (step.Facts.WithinAWeek is not null) return step.Next();
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
            if (step.Answer(When) is null)
            {
                step.Say("sv.understood-when", new Dictionary<string, string> { ["when"] = WhenWords.Describe(step, step.Facts) });
            }
            step.Route(recent == false ? HelpRoutes.EarlierSexualViolence : HelpRoutes.RecentSexualViolence);
            var close = PersonKinds.IsClose(step.Facts.Who) || step.Signals.Contains(Signal.DomesticViolence);
            if (close) step.Route(HelpRoutes.HarmBySomeoneClose);
            step.RoutedFrom(Flow.SexualViolence, step.Answer(When) is null ? [Facts.WhenKey, Facts.WhoKey] : [Facts.WhoKey]);
            step.Say("sv.your-choice");
            return step.End();
        },
    ];
}
