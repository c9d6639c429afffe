using SafeChat.Bot.Conversations;

namespace SafeChat.Bot.Tests.Conversations;

/// <summary>The queue of turns under a flood: bounded by conversations, and danger first.</summary>
public class TurnQueueTests
{
    [Fact]
    public void A_conversation_waits_once_however_many_messages_arrive()
    {
        var queue = new TurnQueue();
        for (var i = 0; i < 10_000; i++) queue.Enqueue("flooded");
        queue.Enqueue("other");

        Assert.Equal(2, queue.Count);
        Assert.True(queue.TryRead(out var first));
        Assert.True(queue.TryRead(out var second));
        Assert.False(queue.TryRead(out _));
        Assert.Equal(["flooded", "other"], new[] { first, second });
    }

    [Fact]
    public void An_urgent_turn_is_taken_before_everyone_already_waiting()
    {
        var queue = new TurnQueue();
        for (var i = 0; i < 1000; i++) queue.Enqueue($"visitor-{i}");

        queue.Enqueue("in-danger", urgent: true);

        Assert.True(queue.TryRead(out var next));
        Assert.Equal("in-danger", next);
    }

    [Fact]
    public void A_message_that_arrives_while_its_turn_runs_queues_the_conversation_again()
    {
        var queue = new TurnQueue();
        queue.Enqueue("busy");
        Assert.True(queue.TryRead(out _));

        queue.Enqueue("busy");

        Assert.True(queue.TryRead(out var again));
        Assert.Equal("busy", again);
    }

    [Theory]
    [InlineData("HELP er staat iemand met een mes voor me", true)]
    [InlineData("ik wil niet meer leven", true)]
    [InlineData("hoe doe ik een melding van iets van vorige week", false)]
    [InlineData("", false)]
    public void Danger_and_thoughts_of_suicide_are_urgent(string text, bool urgent) =>
        Assert.Equal(urgent, new UrgentMessages().IsUrgent(text));
}
