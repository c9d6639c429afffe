using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Flows.Routing;

namespace SafeChat.Dialogs.Flows.Bystander;

/// <summary>Supporting a friend afterwards: listen, believe, let them choose; helpers can get support too.</summary>
public sealed class BystanderFriendDialog : Dialog
{
    public override string Id => Flow.BystanderFriend;

    public override IReadOnlyList<Step> Steps { get; } =
    [
        step =>
        {
            step.Say("friend.listen");
            // Sexual violence or violence at home: the organisations that also advise the people around a victim.
            var routed = false;
            if (step.Signals.Contains(Triage.Signal.SexualViolence) || step.Facts.What.Contains("touching"))
            {
                step.Route(HelpRoutes.SupportAfterSexualViolence);
                routed = true;
            }
            if (step.Signals.Contains(Triage.Signal.DomesticViolence))
            {
                step.Route(HelpRoutes.WorriedAboutSomeoneClose);
                routed = true;
            }
            // Those organisations advise helpers too; otherwise Slachtofferhulp does.
            if (!routed) step.SayWithContacts("friend.support", "slachtofferhulp");
            return step.End();
        },
    ];
}
