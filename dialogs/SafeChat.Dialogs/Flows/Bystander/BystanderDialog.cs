using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Engine.Prompts;
using SafeChat.Dialogs.Triage;

namespace SafeChat.Dialogs.Flows.Bystander;

/// <summary>For someone who saw it happen or wants to help: the advice depends on whether it is happening now.
/// When the person already said it is happening now, that they are helping someone they know who told them, or that
/// they worry about someone harmed at home, that is not asked again.</summary>
public sealed class BystanderDialog : Dialog
{
    private const string When = "when";

    public override string Id => Flow.Bystander;

    public override IReadOnlyList<Step> Steps { get; } =
    [
        step =>
        {
            if (step.Facts.HappeningNow == true && step.Facts.ToSomeoneElse == true) step.Remember(When, "happening-now");
            // Helping someone who told them, or worried about someone harmed at home (a neighbour kept inside).
            else if (step.Turn.Understander.SupportsSomeone(step.Turn.Text ?? "", step.Language)
                     || step.Turn.Triage.Likely(Triage.Signal.DomesticViolence)) step.Remember(When, "support-friend");
            if (step.Answer(When) is not null) return step.Next();
            step.Say("bystander.thanks");
            return step.Ask(Prompt.Choice(When, "bystander.ask-when", "happening-now", "already-happened", "prepare", "support-friend")
                    .ChosenBy(("happening-now", Signal.Emergency))
                    // "wat had ik kunnen doen?", "how can I help?": the tips for next time answer that.
                    .IfAskedForAdvice("prepare")
                    .IfToldAsPast("already-happened"));
        },
        step => step.ReplaceWith(step.Answer(When) switch
        {
            "happening-now" => Flow.BystanderNow,
            "already-happened" => Flow.BystanderAfter,
            "support-friend" => Flow.BystanderFriend,
            _ => Flow.BystanderPrepare,
        }),
    ];
}
