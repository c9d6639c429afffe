using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Engine.Prompts;

namespace SafeChat.Dialogs.Flows.Bystander;

/// <summary>
/// It is happening now. How safe it is for the bystander decides which of the 5 D's fit: when it is not safe,
/// delegate and keep a distance; when it is, distract or speak up, then check on the person afterwards.
/// </summary>
public sealed class BystanderNowDialog : Dialog
{
    private const string Safe = "safe";

    public override string Id => Flow.BystanderNow;

    public override IReadOnlyList<Step> Steps { get; } =
    [
        step => step.Ask(Prompt.Choice(Safe, "bystander.ask-safe", "safe-for-me", "not-safe-for-me", "not-sure")),
        step =>
        {
            if (step.Answered(Safe, "safe-for-me"))
            {
                step.Say("bystander.distract");
                step.Say("bystander.direct");
            }
            else
            {
                step.SayWithContacts("bystander.delegate", "emergency");
            }
            step.Say("bystander.document");
            step.Say("bystander.delay");
            return step.End();
        },
    ];
}
