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
    [InlineData("ja hoor")]
    [InlineData("klopt")]
    [InlineData("yes please")]
    public void A_choice_is_recognised_by_label_number_synonym_or_as_people_say_it(string reply)
    {
        var chat = new EngineDriver();
        chat.Start();

        Assert.Contains("emergency", chat.Say(reply).Contacts());
    }

    [Theory]
    [InlineData("nee hoor")]
    [InlineData("nope")]
    [InlineData("nee, nu niet")]
    [InlineData("not really")]
    public void No_is_recognised_as_people_say_it(string reply)
    {
        var chat = new EngineDriver();
        chat.Start();

        var replies = chat.Say(reply);

        Assert.DoesNotContain("emergency", replies.Contacts());
        Assert.Equal(Flows.Flow.MainMenu, chat.State.Active!.Dialog);
    }

    [Fact]
    public void Not_understood_once_says_so_with_112_then_offers_a_person()
    {
        var chat = DialogStackTests.Driver(); // a yes/no question that takes no words of one's own
        chat.Start();

        var replies = chat.Say("ik heb een blauwe fiets gekocht");

        Assert.Contains("begreep ik niet", replies.Texts());
        Assert.Contains("emergency", replies.Contacts()); // every not-understood reply shows 112
        Assert.Contains("ben je nu in gevaar", replies.Texts());
        Assert.Equal(["Ja", "Nee", "Met een mens praten"], replies.Choices());
        Assert.Equal(1, chat.State.Active!.Prompt!.Retries);

        var again = chat.Say("de fiets is blauw met rode banden");

        Assert.DoesNotContain("begreep ik niet", again.Texts()); // at most once per question
        Assert.Contains("emergency", again.Contacts());
        Assert.Equal(["Ja", "Nee", "Met een mens praten"], again.Choices());
    }

    [Fact]
    public void After_a_re_prompt_a_valid_answer_still_continues()
    {
        var chat = DialogStackTests.Driver();
        chat.Start();
        chat.Say("ik heb een blauwe fiets gekocht");

        chat.Say("ja");

        Assert.Equal("yes", chat.State.Active!.Answers["first"]);
    }

    [Fact]
    public void Talk_to_a_person_after_a_misunderstanding_leads_to_people()
    {
        var chat = new EngineDriver();
        chat.Start();
        chat.Say("ik heb een blauwe fiets gekocht");

        var replies = chat.Say("Met een mens praten");

        Assert.Contains("slachtofferhulp", replies.Contacts());
    }

    [Fact]
    public void Words_that_point_nowhere_are_not_understood_even_where_own_words_are_welcome()
    {
        var chat = new EngineDriver();
        chat.Start();
        chat.Say("nee"); // the menu: "Waarmee kan ik je helpen? … of vertel het in je eigen woorden"

        var replies = chat.Say("ik heb een blauwe fiets gekocht");

        Assert.Contains("begreep ik niet", replies.Texts());
        Assert.Contains("emergency", replies.Contacts());
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
