using SafeChat.Dialogs.Content;
using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Engine.Prompts;
using SafeChat.Dialogs.Flows;
using SafeChat.Dialogs.Triage;

namespace SafeChat.Dialogs.Tests.Engine;

/// <summary>The engine's mechanics on a small made-up flow: text prompts, child dialogs, back.</summary>
public class DialogStackTests
{
    private sealed class Outer : Dialog
    {
        public override string Id => "outer";
        public override IReadOnlyList<Step> Steps { get; } =
        [
            s => s.Ask(Prompt.YesNo("first", "greeting.ask-danger")),
            s => s.Ask(Prompt.Text("words", "help.text")),
            s => s.Begin("inner"),
            s => { s.Say("menu.goodbye"); return s.End(); },
        ];
    }

    private sealed class Inner : Dialog
    {
        public override string Id => "inner";
        public override IReadOnlyList<Step> Steps { get; } =
        [
            s => s.Ask(Prompt.YesNo("inner-question", "stop.done")),
            s => s.End(),
        ];
    }

    public static EngineDriver Driver() =>
        new(new ConversationEngine(ContentCatalog.LoadEmbedded(), new TriageRecognizer(), [new Outer(), new Inner(), .. SafeChatFlows.SafetyNet()], "outer"));

    [Fact]
    public void Text_prompt_keeps_what_was_typed_and_a_child_dialog_returns_to_its_parent()
    {
        var chat = Driver();
        chat.Start();
        chat.Say("ja");
        chat.Say("metro Beurs");

        Assert.Equal("metro Beurs", chat.State.Stack[0].Answers["words"]);
        Assert.Equal("inner", chat.State.Active!.Dialog);

        var replies = chat.Say("nee");

        Assert.Contains("terugkomen", replies.Texts());
        Assert.Empty(chat.State.Stack);
    }

    [Fact]
    public void Back_returns_to_the_previous_question_and_forgets_its_answer()
    {
        var chat = Driver();
        chat.Start();
        chat.Say("ja");

        var replies = chat.Say("terug");

        Assert.Equal(["Ja", "Nee"], replies.Choices());
        Assert.False(chat.State.Active!.Answers.ContainsKey("first"));
        chat.Say("nee");
        Assert.Equal("no", chat.State.Active!.Answers["first"]);
    }

    [Fact]
    public void An_empty_text_reply_is_asked_again()
    {
        var chat = Driver();
        chat.Start();
        chat.Say("ja");

        var replies = chat.Say("   ");

        Assert.Contains("begreep ik niet", replies.Texts());
        Assert.Equal(1, chat.State.Active!.Prompt!.Retries);
    }

    private sealed class Looping : Dialog
    {
        public override string Id => "loop";
        public override IReadOnlyList<Step> Steps { get; } = [s => s.ReplaceWith("loop")];
    }

    [Fact]
    public void A_flow_that_never_asks_anything_is_stopped_not_run_forever()
    {
        var engine = new ConversationEngine(ContentCatalog.LoadEmbedded(), new TriageRecognizer(), [new Looping()], "loop");

        Assert.Throws<InvalidOperationException>(() => new EngineDriver(engine).Start());
    }
}
