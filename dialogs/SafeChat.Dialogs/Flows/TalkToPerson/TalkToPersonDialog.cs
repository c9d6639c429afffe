using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Flows.Routing;

namespace SafeChat.Dialogs.Flows.TalkToPerson;

/// <summary>Wants a person: be honest that this is a bot, and say where people are, by topic.</summary>
public sealed class TalkToPersonDialog : Dialog
{
    public override string Id => Flow.TalkToPerson;

    public override IReadOnlyList<Step> Steps { get; } =
    [
        step =>
        {
            step.Route(HelpRoutes.TalkToPerson);
            step.SayWithContacts("person.by-topic", "csg", "veilig-thuis");
            return step.End();
        },
    ];
}
