using System.Diagnostics;
using SafeChat.Bot.Tests.Support;
using static SafeChat.Bot.Tests.Support.StreamSocket;

namespace SafeChat.Bot.Tests.Conversations;

/// <summary>
/// Two instances on one PostgreSQL: a Web Chat streaming from one instance sees what the other instance
/// produced at once, not at its next keep-alive (set to a minute here, so waiting for it would fail).
/// </summary>
public sealed class ClusterStreamTests
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_stream_on_one_instance_receives_the_turn_another_instance_ran_without_waiting_for_a_keep_alive()
    {
        var settings = HostSettings.Postgres(await PostgresServer.CreateDatabaseAsync()) with
        {
            Extra = ["--DirectLine:KeepAliveInterval=00:01:00"],
        };
        await using var streaming = await SafeChatHost.StartAsync(settings);
        await using var answering = await SafeChatHost.StartAsync(settings);
        var chat = await DirectLineTestClient.StartAsync(streaming.Http);
        using var socket = await ConnectAsync(chat.StreamUrl!);
        await ReceiveUntilAsync(socket, got => got.Any(a => ActivitySet.Choices(a).Count > 0));

        var clock = Stopwatch.StartNew();
        var id = await chat.Via(answering.Http).SayAsync("Nee");
        var seen = await ReceiveUntilAsync(socket, got => got.Any(a => IsReplyTo(a, id)), Prompt);

        Assert.Contains(seen, a => a.GetProperty("id").GetString() == id); // the echo, logged on the other instance
        Assert.True(clock.Elapsed < Prompt, $"reply took {clock.Elapsed}");
    }

    [Fact]
    public async Task The_bus_recovers_when_its_listening_connection_is_killed()
    {
        var database = await PostgresServer.CreateDatabaseAsync();
        var settings = HostSettings.Postgres(database) with { Extra = ["--DirectLine:KeepAliveInterval=00:01:00"] };
        await using var streaming = await SafeChatHost.StartAsync(settings);
        await using var answering = await SafeChatHost.StartAsync(settings);
        var chat = await DirectLineTestClient.StartAsync(streaming.Http);
        using var socket = await ConnectAsync(chat.StreamUrl!);
        await ReceiveUntilAsync(socket, got => got.Any(a => ActivitySet.Choices(a).Count > 0));

        var killed = await PostgresServer.TerminateListenersAsync(database);
        Assert.True(killed >= 2, $"expected both instances' listeners, found {killed}");
        await Task.Delay(TimeSpan.FromSeconds(2)); // the bus reconnects after a second
        var id = await chat.Via(answering.Http).SayAsync("Nee");
        var seen = await ReceiveUntilAsync(socket, got => got.Any(a => IsReplyTo(a, id)), Prompt);

        Assert.Contains(seen, a => IsReplyTo(a, id));
    }

    private static bool IsReplyTo(System.Text.Json.JsonElement activity, string id) =>
        activity.TryGetProperty("replyToId", out var to) && to.GetString() == id;
}
