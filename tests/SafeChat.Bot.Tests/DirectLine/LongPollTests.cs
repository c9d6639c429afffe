using System.Diagnostics;
using System.Net;
using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.DirectLine;

/// <summary>
/// A poll with nothing new waits for the next activity (long polling) instead of answering "nothing" at once. The wait
/// is set long here, so a reply that came by its timeout cannot pass for one that woke it.
/// </summary>
public sealed class LongPollTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private SafeChatHost _host = null!;

    public async Task InitializeAsync() => _host = await SafeChatHost.StartAsync(HostSettings.Sqlite() with
    {
        Extra = [$"--DirectLine:EmptyPollWait={Wait}"],
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

        var sent = await chat.SayAsync("nee");
        var clock = Stopwatch.StartNew();
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
