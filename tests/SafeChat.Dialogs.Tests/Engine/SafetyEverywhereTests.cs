using SafeChat.Dialogs.Flows;

namespace SafeChat.Dialogs.Tests.Engine;

/// <summary>
/// A property over the whole conversation: at every question in every flow (found by tapping every choice
/// from the start), a message about danger gets 112 in the very next reply, and one about suicidal
/// thoughts gets 113 — and a question follows (the one that was waiting, or whether the danger is over).
/// </summary>
public class SafetyEverywhereTests
{
    private static readonly string[] DialogsWithQuestions =
    [
        Flow.Greeting, Flow.MainMenu, Flow.HappenedToMe, Flow.StreetHarassment, Flow.SexualViolence, Flow.WhatCounts,
        Flow.ReportOrPolice, Flow.Bystander, Flow.BystanderNow, Flow.BystanderAfter, Flow.Report, Flow.WhenSafe,
    ];

    public static TheoryData<string, string, string, string> Cases => new()
    {
        { "nl", "er volgt me iemand en ik ben bang", "emergency", "112" },
        { "nl", "ik wil niet meer leven", "113", "113" },
        { "en", "someone is following me right now", "emergency", "112" },
        { "en", "i want to kill myself", "113", "113" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_question_in_every_flow_answers_danger_first(string locale, string message, string contact, string number)
    {
        var questions = ConversationExplorer.AllQuestions(locale);

        Assert.Superset(DialogsWithQuestions.ToHashSet(), questions.Keys.Select(k => k.Split('#')[0]).ToHashSet());
        Assert.True(questions.Count >= DialogsWithQuestions.Length, $"only {questions.Count} questions found");
        foreach (var (position, savedState) in questions)
        {
            var chat = new EngineDriver { SavedState = savedState };
            var replies = chat.Say(message);

            Assert.True(replies.Count > 0 && replies.Contacts().FirstOrDefault() == contact, $"at {position}: {replies.Texts()}");
            // The number comes first: said in the first reply, or on the card of the check question itself.
            Assert.True(replies[0].Text!.Contains(number) || replies[0].Attachments is { Count: > 0 }, $"at {position}: {replies.Texts()}");
            Assert.True(replies.Choices().Count > 0, $"at {position} the question was not asked again");
        }
    }
}
