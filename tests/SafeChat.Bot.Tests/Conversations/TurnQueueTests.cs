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

    [Fact]
    public void While_the_models_load_a_message_is_not_held_to_read_it_for_urgency()
    {
        var readiness = new EngineReadiness();
        var urgent = new UrgentMessages(readiness);
        const string danger = "HELP er staat iemand met een mes voor me";

        Assert.False(urgent.IsUrgent(danger));
        readiness.MarkWarm();
        Assert.True(urgent.IsUrgent(danger));
    }

    [Fact]
    public async Task An_answer_to_WhatsApps_template_is_read_for_danger_even_while_the_models_load()
    {
        // Such an answer is a turn only when it speaks of danger: "not warm yet" must not make it "no danger".
        var readiness = new EngineReadiness();
        var urgent = new UrgentMessages(readiness);

        var reading = urgent.SpeaksOfDangerAsync("hij staat nu voor mijn deur met een mes", CancellationToken.None);
        await Task.Delay(100);
        Assert.False(reading.IsCompleted); // waits for the models rather than guessing
        readiness.MarkWarm();
        Assert.True(await reading.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.False(await urgent.SpeaksOfDangerAsync("JA", CancellationToken.None));
    }
}
