using SafeChat.Dialogs.Engine;

namespace SafeChat.Dialogs.Flows.Bystander;

/// <summary>Getting ready for next time: the five steps from noticing to acting, and the 5 D's (the simplest: "Ben je oké?").</summary>
public sealed class BystanderPrepareDialog : Dialog
{
    public override string Id => Flow.BystanderPrepare;

    public override IReadOnlyList<Step> Steps { get; } =
    [
        step =>
        {
            step.Say("bystander.five-steps");
            step.Say("bystander.five-ds");
            return step.End();
        },
    ];
}
