using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Engine.Prompts;

namespace SafeChat.Dialogs.Flows.Erase;

/// <summary>"Wis mijn gegevens": say what will be erased, ask to confirm, then erase.</summary>
public sealed class EraseDialog : Dialog
{
    private const string Confirm = "confirm";

    public override string Id => Flow.Erase;

    public override IReadOnlyList<Step> Steps { get; } =
    [
        step => step.Ask(Prompt.YesNo(Confirm, "erase.confirm")),
        step =>
        {
            if (!step.Answered(Confirm, Answers.Yes))
            {
                step.Say("erase.cancelled");
                return step.End();
            }
            step.Do(new EraseConversation());
            step.Say("erase.done");
            step.Say("trace." + step.Channel.Key());
            return step.End();
        },
    ];
}

/// <summary>Erase this conversation's transcript, state and link to the channel address; an open case is told the reporter withdrew.</summary>
public sealed record EraseConversation : ITurnEffect;
