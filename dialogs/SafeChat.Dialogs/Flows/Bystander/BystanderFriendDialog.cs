using SafeChat.Dialogs.Engine;

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
            step.SayWithContacts("friend.support", "slachtofferhulp");
            return step.End();
        },
    ];
}
