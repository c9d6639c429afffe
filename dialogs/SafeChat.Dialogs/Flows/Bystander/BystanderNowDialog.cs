using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Engine.Prompts;

namespace SafeChat.Dialogs.Flows.Bystander;

/// <summary>
/// It is happening now. 112 and two or three things anyone can safely do come first, in the first reply; then how
/// safe it is for the bystander decides what more fits: when it is safe, step in or speak up briefly; when it is not,
/// delegate and keep a distance. Filming only when safe and someone else is already helping. Then the next step.
/// </summary>
public sealed class BystanderNowDialog : Dialog
{
    /// <summary>The safety interrupt already said "bel 112" in this reply.</summary>
    public const string Told112 = "told-112";
    private const string Safe = "safe";
    private const string Next = "next";

    public override string Id => Flow.BystanderNow;

    public override IReadOnlyList<Step> Steps { get; } =
    [
        step =>
        {
            if (step.Answer(Told112) is null) step.SayWithContacts("bystander.call-112", "emergency");
            step.Say("bystander.now-first");
            // "moet ik ertussen gaan?": unsure whether it is safe to step in, which is what "weet ik niet" answers.
            return step.Ask(Prompt.Choice(Safe, "bystander.ask-safe", "safe-for-me", "not-safe-for-me", "not-sure").IfAskedForAdvice("not-sure"));
        },
        step =>
        {
            if (step.Answered(Safe, "safe-for-me")) step.SayWithContacts("bystander.safe-now", "emergency");
            else step.SayWithContacts("bystander.delegate", "emergency");
            step.Say("bystander.film");
            return step.Ask(Prompt.Choice(Next, "bystander.ask-next", "report-or-police", "menu").ChosenBy(ReportOrPolice.ReportOrPoliceDialog.AskedForThePolice));
        },
        step => step.Answered(Next, "report-or-police") ? step.ReplaceWith(Flow.ReportOrPolice) : step.End(),
    ];
}
