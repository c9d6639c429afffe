using System.Diagnostics;
using System.Net;
using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.DirectLine;

/// <summary>
/// What a polling client (DirectLineJS without WebSocket) gets: a poll with nothing new waits for the next activity (long
/// polling) instead of answering "nothing" at once, and the answer to a posted message waits for the turn that answers
/// it, so the next poll has the reply. The waits are set long here, so what came by a timeout cannot pass for a wake-up.
/// </summary>
public class PollingClientTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private SafeChatHost _host = null!;

    protected virtual Task<HostSettings> DatabaseAsync() => Task.FromResult(HostSettings.Sqlite());

    public async Task InitializeAsync() => _host = await SafeChatHost.StartAsync(await DatabaseAsync() with
    {
        Extra = [$"--DirectLine:EmptyPollWait={Wait}", $"--DirectLine:PostWaitForTurn={Wait}"],
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>After the greeting, a read of the whole log, well after its last signal: then this instance knows where
    /// the log ends, and a poll from there has nothing new.</summary>
    private static async Task<ActivitySet> LearnedAsync(DirectLineTestClient chat)
    {
        await chat.WaitForQuestionAsync();
        await Task.Delay(200);
        return await chat.GetAsync();
    }

    [Fact]
    public async Task A_poll_with_nothing_new_waits_and_brings_the_reply_as_soon_as_it_is_written()
    {
        var chat = await DirectLineTestClient.StartAsync(_host.Http);
        var greeting = await LearnedAsync(chat);

        var poll = chat.GetAsync(greeting.Watermark);
        await Task.Delay(300);
        Assert.False(poll.IsCompleted, "a poll with nothing new answered at once instead of waiting");

        var clock = Stopwatch.StartNew();
        var sent = await chat.SayAsync("nee");
        var page = await poll;
        Assert.True(clock.Elapsed < Wait / 2, $"the poll answered {clock.Elapsed.TotalSeconds:F1} s after the message: by its timeout, not woken");
        Assert.Contains(page.Activities, a => a.GetProperty("id").GetString() == sent); // its echo, perhaps the reply too

        // The reply, if it was not there yet, wakes the next poll the same way.
        var seen = page.Activities.ToList();
        for (var polls = 0; polls < 3 && !seen.Any(IsReply); polls++)
        {
            clock.Restart();
            page = await chat.GetAsync(page.Watermark);
            Assert.True(clock.Elapsed < Wait / 2, $"the poll answered after {clock.Elapsed.TotalSeconds:F1} s: by its timeout, not woken by the reply");
            seen.AddRange(page.Activities);
        }
        Assert.Contains(seen, IsReply);

        bool IsReply(System.Text.Json.JsonElement a) => a.TryGetProperty("replyToId", out var to) && to.GetString() == sent;
    }

    [Fact]
    public async Task A_posted_message_is_answered_once_its_turn_has_ended_so_the_next_poll_has_the_reply()
    {
        var chat = await DirectLineTestClient.StartAsync(_host.Http);
        var greeting = await LearnedAsync(chat);

        foreach (var text in new[] { "nee", "ik wil iets vragen over de wet" })
        {
            var clock = Stopwatch.StartNew();
            var sent = await chat.SayAsync(text);
            Assert.True(clock.Elapsed < Wait / 2, $"the post was answered after {clock.Elapsed.TotalSeconds:F1} s: by its timeout, not by the turn's end");
            var page = await chat.GetAsync(greeting.Watermark);
            Assert.Contains(page.FromBot, a => a.TryGetProperty("replyToId", out var to) && to.GetString() == sent);
            greeting = page;
        }
    }

    [Fact]
    public async Task A_waiting_poll_does_not_hold_up_a_shutdown()
    {
        var chat = await DirectLineTestClient.StartAsync(_host.Http);
        var greeting = await LearnedAsync(chat);
        using var request = DirectLineTestClient.Request(HttpMethod.Get,
            $"/v3/directline/conversations/{chat.ConversationId}/activities?watermark={greeting.Watermark}", chat.Token);
        var poll = _host.Http.SendAsync(request);
        await Task.Delay(300);
        Assert.False(poll.IsCompleted);

        var clock = Stopwatch.StartNew();
        var stopping = _host.StopAsync();
        using var answer = await poll;
        var answered = clock.Elapsed;
        await stopping;
        Assert.True(answered < Wait / 4, $"the waiting poll answered {answered.TotalSeconds:F1} s after the stop began (stopped after {clock.Elapsed.TotalSeconds:F1} s)");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode); // an empty page: DirectLineJS asks again, elsewhere
    }
}

/// <summary>On PostgreSQL the cluster bus also carries this instance's own notifications back to it: they must not make it
/// forget the turn it is waiting for.</summary>
public sealed class PollingClientPostgresTests : PollingClientTests
{
    protected override async Task<HostSettings> DatabaseAsync() => HostSettings.Postgres(await PostgresServer.CreateDatabaseAsync());
}
