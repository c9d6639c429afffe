using SafeChat.Dialogs.Understanding;
using SafeChat.Dialogs.Flows;
using SafeChat.Dialogs.Triage;

namespace SafeChat.Dialogs.Tests.Engine;

/// <summary>
/// Where danger hides in a conversation: a cry at a question that takes free text, "not any more" that means the
/// opposite, an unclear reply to "are you still in danger?", 113 while that question waits, and facts that must
/// follow what the person says last.
/// </summary>
public class SafetyEdgeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 13, 30, 0, TimeSpan.Zero);

    /// <summary>A report, up to the question that asks to describe what happened (free text).</summary>
    private static EngineDriver AtDescription()
    {
        var chat = new EngineDriver { Now = Now };
        chat.Start();
        chat.Say("ik wil een melding maken");
        chat.Say("Mij");
        chat.Say("Opmerkingen, fluiten of geluiden");
        chat.Say("Dit is alles");
        chat.Say("Centrum");
        chat.Say("metro Beurs");
        chat.Say("gisteravond rond 11 uur");
        Assert.Equal(SafeChat.Dialogs.Engine.Prompts.PromptKind.Text, chat.State.Active!.Prompt!.Kind);
        return chat;
    }

    [Theory]
    [InlineData("sos")]
    [InlineData("HULP")]
    [InlineData("oke hij is er weer")]
    [InlineData("hij staat nu weer voor mijn deur")]
    public void Danger_in_own_words_interrupts_even_a_free_text_question(string message)
    {
        var chat = AtDescription();

        var replies = chat.Say(message);

        Assert.Contains("emergency", replies.Contacts());
        Assert.Contains(chat.State.Active!.Dialog, new[] { Flow.WhenSafe, Flow.SafetyCheck });
    }

    [Fact]
    public void A_description_of_what_happened_is_taken_as_the_answer()
    {
        var chat = AtDescription();

        var replies = chat.Say("hij riep dingen naar me en liep een stuk achter me aan");

        Assert.DoesNotContain("emergency", replies.Contacts());
        Assert.Equal(Flow.Report, chat.State.Active!.Dialog);
    }

    [Theory]
    [InlineData("sos")]
    [InlineData("hij staat weer bij de deur")]
    public void A_no_to_the_danger_question_does_not_silence_a_later_cry(string later)
    {
        var chat = new EngineDriver();
        chat.Start();
        chat.Say("er loopt iemand achter me");
        chat.Say("nee");

        var replies = chat.Say(later);

        Assert.Contains("emergency", replies.Contacts());
    }

    [Theory]
    [InlineData("I don't feel safe anymore", "en")]
    [InlineData("ik voel me niet meer veilig", "nl")]
    public void Not_feeling_safe_anymore_is_never_a_no_to_the_danger_question(string message, string _)
    {
        var chat = new EngineDriver();
        chat.Start();
        chat.Say("er volgt me iemand");

        var replies = chat.Say(message);

        Assert.Contains("emergency", replies.Contacts());
        Assert.Equal(Flow.WhenSafe, chat.State.Active!.Dialog);
    }

    [Fact]
    public void Someone_who_stopped_takes_away_only_an_unsure_check()
    {
        var triage = new TriageRecognizer();

        Assert.DoesNotContain(Signal.Emergency, triage.Recognize("hij volgt me niet meer").Signals);
        Assert.Contains(Signal.Emergency, triage.Recognize("I don't feel safe anymore").Signals);
        Assert.Contains(Signal.Emergency, triage.Recognize("ze laten me niet meer met rust, ze staan hier").Signals);
    }

    [Theory]
    [InlineData("wat moet ik doen?")]
    [InlineData("ik weet het niet")]
    public void An_unclear_reply_to_are_you_still_in_danger_asks_again_with_112(string reply)
    {
        var chat = new EngineDriver();
        chat.Start();
        chat.Say("er volgt me iemand");

        var replies = chat.Say(reply);

        Assert.Contains("emergency", replies.Contacts());
        Assert.Equal(Flow.WhenSafe, chat.State.Active!.Dialog);
        Assert.Null(chat.State.SaidNoDangerAt);
    }

    [Fact]
    public void Thoughts_of_suicide_while_the_danger_question_waits_give_113_and_keep_the_question()
    {
        var chat = new EngineDriver();
        chat.Start();
        chat.Say("er volgt me iemand");

        var replies = chat.Say("ik wil niet meer leven");

        Assert.Contains("113", replies.Contacts());
        Assert.Equal(Flow.WhenSafe, chat.State.Active!.Dialog);
        Assert.Equal(2, replies.Choices().Count);
    }

    [Fact]
    public void An_unsure_danger_signal_while_the_danger_question_waits_does_not_stack_a_second_question()
    {
        var chat = new EngineDriver();
        chat.Start();
        chat.Say("er volgt me iemand");

        var replies = chat.Say("sos");

        Assert.Contains("emergency", replies.Contacts());
        Assert.Single(chat.State.Stack, f => f.Dialog is Flow.WhenSafe or Flow.SafetyCheck);
    }

    [Fact]
    public void A_no_to_the_danger_question_means_it_is_no_longer_happening_now()
    {
        var chat = new EngineDriver();
        chat.Start();
        chat.Say("er loopt iemand achter me");
        Assert.True(chat.State.Facts.HappeningNow);

        chat.Say("nee");

        Assert.Null(chat.State.Facts.HappeningNow);
    }

    [Fact]
    public void A_new_district_does_not_keep_the_place_of_the_old_one()
    {
        var facts = new Facts { District = "centrum", Place = "metro Beurs" };

        facts.Merge(new FactsTold(null, null, new PlaceTold("noord", null), [], null));

        Assert.Equal("noord", facts.District);
        Assert.Null(facts.Place);
    }

    [Fact]
    public void A_date_written_in_digits_is_understood()
    {
        var chat = new EngineDriver { Now = Now };
        chat.Start();

        chat.Say("ik ben op 14-11-2026 in de metro betast");

        Assert.Equal("2026-11-14", chat.State.Facts.Date);
    }

    [Fact]
    public void A_story_of_ones_own_after_a_story_about_someone_else_is_ones_own()
    {
        var chat = new EngineDriver { Now = Now };
        chat.Start();
        chat.Say("ik zag gisteren hoe een man een meisje betastte in de tram");
        Assert.True(chat.State.Facts.ToSomeoneElse);

        chat.Say("en vandaag greep een man mij zelf vast op straat");

        Assert.False(chat.State.Facts.ToSomeoneElse);
    }
}

public class CompoundSafeStatementTests
{
    private static readonly SafeChat.Dialogs.Triage.TriageRecognizer Triage = new();

    [Theory]
    [InlineData("he's gone now, I'm fine", false)]
    [InlineData("niemand volgt me nu hoor, ben veilig thuis", false)]
    [InlineData("ik ben veilig, hij staat nog buiten", true)]
    [InlineData("I'm fine, they won't let me leave", true)]
    public void A_message_made_only_of_safe_parts_is_safe_and_one_unsafe_part_keeps_the_danger(string message, bool danger) =>
        Assert.Equal(danger, Triage.Recognize(message).Has(SafeChat.Dialogs.Triage.Signal.Emergency));
}
