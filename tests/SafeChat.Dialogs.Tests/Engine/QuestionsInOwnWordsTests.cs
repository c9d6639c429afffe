using SafeChat.Dialogs.Flows;
using SafeChat.Dialogs.Triage;
using SafeChat.Dialogs.Triage.Rules;

namespace SafeChat.Dialogs.Tests.Engine;

/// <summary>Questions people type instead of tapping: about SafeChat, about the law, refusals, and words both languages share.</summary>
public class QuestionsInOwnWordsTests
{
    [Theory]
    [InlineData("nl-NL", "wie ben jij eigenlijk?", "SafeChat")]
    [InlineData("nl-NL", "blijf ik anoniem als ik dit typ", "naam")]
    [InlineData("en-US", "hey who are you", "SafeChat")]
    [InlineData("en-US", "who can see this chat?", "name")]
    public void A_question_about_SafeChat_is_answered_and_the_question_comes_again(string locale, string question, string answerWord)
    {
        var chat = new EngineDriver();
        var first = chat.Start(locale);

        var replies = chat.Say(question);

        Assert.Contains(answerWord, replies[0].Text);
        Assert.DoesNotContain("emergency", replies.Contacts());
        Assert.Equal(first[^1].Text, replies[^1].Text);
    }

    [Theory]
    [InlineData("nl-NL", "mag een man zomaar dingen naar me roepen, is dat verboden?")]
    [InlineData("en-US", "is it against the law to whistle at women")]
    public void A_question_about_the_law_gets_what_counts_at_once(string locale, string question)
    {
        var chat = new EngineDriver();
        chat.Start(locale);

        chat.Say(question);

        Assert.Contains(Flow.WhatCounts, chat.LastStartedDialogs);
    }

    [Theory]
    [InlineData("nl-NL", "ik wil iets weten over de wet", "welke straf krijgt zo iemand?", "rechter")]
    // (Not "what punishment would he get": the model's self-harm score for it sits at the 113 check threshold, and an unsure
    // 113 is no longer taken away for a law word — see Round11KindsTests.)
    [InlineData("en-US", "what does the law say about this", "what punishment can he get", "judge")]
    public void The_punishment_asked_after_the_law_is_answered_in_a_line(string locale, string law, string punishment, string word)
    {
        var chat = new EngineDriver();
        chat.Start(locale);
        chat.Say(law);

        var replies = chat.Say(punishment);

        Assert.Contains(replies, r => r.Text?.Contains(word) == true);
        Assert.Equal(Flow.WhatCounts, chat.State.Active!.Dialog);
    }

    [Theory]
    [InlineData("ik hoef geen aangifte te doen hoor", Signal.WantsPolice)]
    [InlineData("I really don't want the police involved", Signal.WantsPolice)]
    [InlineData("ik wil het liever niet melden", Signal.WantsReport)]
    public void A_request_turned_down_is_no_request(string text, string signal)
    {
        Assert.DoesNotContain(signal, new TriageRecognizer().Recognize(text).Signals);
        Assert.Contains(signal, RuleRecognizer.DeclinedCorrected(ChatSpelling.Correct(text)));
    }

    [Theory]
    [InlineData("I'm not sure I want to go to the police", Signal.WantsPolice)]
    [InlineData("ik wil aangifte doen", Signal.WantsPolice)]
    public void Doubt_or_a_plain_request_is_not_turned_down(string text, string signal) =>
        Assert.DoesNotContain(signal, RuleRecognizer.DeclinedCorrected(ChatSpelling.Correct(text)));

    [Theory]
    [InlineData("hij is net vertrokken naar zijn werk")]
    [InlineData("he went out, i'm alone now")]
    public void He_has_gone_away_takes_away_an_unsure_112(string text) =>
        Assert.True(SafeStatements.IsSafeStatement(text) || SafeStatements.SaysAwayCorrected(ChatSpelling.Correct(text)));

    [Fact]
    public void A_word_both_languages_use_keeps_the_Dutch_default()
    {
        var chat = new EngineDriver();
        chat.Start();

        var replies = chat.Say("HELP");

        Assert.Equal("emergency", replies.Contacts().First());
        Assert.All(replies, r => Assert.Equal("nl", r.Locale));
    }

    [Fact]
    public void Suicidal_thoughts_of_someone_else_bring_113_whatever_else_is_asked()
    {
        const string Story = "my sister was attacked last week and now she says she wants to be dead";
        var chat = new EngineDriver();
        chat.Start("en-US");
        Assert.True(new TriageRecognizer().Recognize(Story).SelfHarm > SafetyLevel.None, "triage should hear the thoughts of suicide");

        var replies = chat.Say(Story);

        Assert.Contains("113", replies.Contacts());
    }
}
