namespace SafeChat.Dialogs.Tests.Engine;

public class PromptTests
{
    [Theory]
    [InlineData("Ja")]
    [InlineData("ja")]
    [InlineData("JA!")]
    [InlineData("1")]
    [InlineData("j")]
    [InlineData("yes")]
    [InlineData("ja, nu")]
    public void A_choice_is_recognised_by_label_number_synonym_or_first_word(string reply)
    {
        var chat = new EngineDriver();
        chat.Start();

        Assert.Contains("emergency", chat.Say(reply).Contacts());
    }

    [Fact]
    public void An_unusable_reply_re_asks_the_same_question_with_its_choices()
    {
        var chat = DialogStackTests.Driver(); // a yes/no question that takes no words of one's own
        chat.Start();

        var replies = chat.Say("banaan");

        Assert.Contains("niet goed", replies.Texts());
        Assert.Contains("ben je nu in gevaar", replies.Texts());
        Assert.Equal(["Ja", "Nee"], replies.Choices());
        Assert.Equal(1, chat.State.Active!.Prompt!.Retries);
    }

    [Fact]
    public void After_a_re_prompt_a_valid_answer_still_continues()
    {
        var chat = DialogStackTests.Driver();
        chat.Start();
        chat.Say("banaan");

        chat.Say("ja");

        Assert.Equal("yes", chat.State.Active!.Answers["first"]);
    }

    [Fact]
    public void Words_of_ones_own_are_taken_where_a_question_allows_them()
    {
        var chat = new EngineDriver();
        chat.Start();

        var replies = chat.Say("banaan");

        Assert.Contains("niet zeker wat je bedoelt", replies.Texts());
        Assert.Contains("Met een mens praten", replies.Choices());
    }

    [Fact]
    public void State_survives_a_restart_between_question_and_answer()
    {
        var chat = new EngineDriver();
        chat.Start();

        var restarted = chat.Restarted();

        Assert.Contains("emergency", restarted.Say("ja").Contacts());
    }
}
