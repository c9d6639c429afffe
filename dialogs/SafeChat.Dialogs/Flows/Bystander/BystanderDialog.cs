using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Engine.Prompts;

namespace SafeChat.Dialogs.Flows.Bystander;

/// <summary>For someone who saw it happen or wants to help: the advice depends on whether it is happening now.</summary>
public sealed class BystanderDialog : Dialog
{
    private const string When = "when";

    public override string Id => Flow.Bystander;

    public override IReadOnlyList<Step> Steps { get; } =
    [
        step =>
        {
            step.Say("bystander.thanks");
            return step.Ask(Prompt.Choice(When, "bystander.ask-when", "happening-now", "already-happened", "prepare", "support-friend"));
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
