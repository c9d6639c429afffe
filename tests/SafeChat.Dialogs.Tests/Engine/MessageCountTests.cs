namespace SafeChat.Dialogs.Tests.Engine;

/// <summary>
/// A frightened person reads little: at every turn reachable by tapping choices, at most two messages come before the
/// question (the question itself carries its choices).
/// </summary>
public class MessageCountTests
{
    [Theory]
    [InlineData("nl")]
    [InlineData("en")]
    public void At_most_two_messages_come_before_a_question(string locale)
    {
        var tooMany = new List<string>();
        ConversationExplorer.AllQuestions(locale, (where, replies) =>
        {
            if (replies.Count > 0 && replies[^1].SuggestedActions is { Actions.Count: > 0 } && replies.Count - 1 > 2)
                tooMany.Add($"{where}: {replies.Count - 1} messages: {string.Join(" | ", replies.Take(replies.Count - 1).Select(r => r.Text))}");
        });

        Assert.True(tooMany.Count == 0, string.Join("\n", tooMany.Distinct()));
    }
}
