using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Flows.Routing;

namespace SafeChat.Dialogs.Flows.SomeoneClose;

/// <summary>Harm, control or threats by a partner, ex, family member or housemate: Veilig Thuis.</summary>
public sealed class SomeoneCloseDialog : Dialog
{
    public override string Id => Flow.SomeoneClose;

    public override IReadOnlyList<Step> Steps { get; } =
    [
        step =>
        {
            // Never okay, and 112 if the danger is there now (named, not pressed on them); then Veilig Thuis.
            step.Say("close.not-ok");
            step.Route(HelpRoutes.HarmBySomeoneClose);
            return step.End();
        },
    ];
}
