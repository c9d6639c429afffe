using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;
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
        await using var cluster = await TwoInstances.StartAsync();

        var clock = Stopwatch.StartNew();
        var id = await cluster.Chat.Via(cluster.Answering.Http).SayAsync("Nee");
        var seen = await ReceiveUntilAsync(cluster.Socket, got => got.Any(a => IsReplyTo(a, id)), Prompt);

        Assert.Contains(seen, a => a.GetProperty("id").GetString() == id); // the echo, logged on the other instance
        Assert.True(clock.Elapsed < Prompt, $"reply took {clock.Elapsed}");
    }

    [Fact]
    public async Task The_bus_recovers_when_its_listening_connection_is_killed()
    {
        await using var cluster = await TwoInstances.StartAsync();

        var killed = await PostgresServer.TerminateListenersAsync(cluster.Database);
        Assert.True(killed >= 2, $"expected both instances' listeners, found {killed}");
        await Task.Delay(TimeSpan.FromSeconds(2)); // the bus reconnects after a second
        var id = await cluster.Chat.Via(cluster.Answering.Http).SayAsync("Nee");
        var seen = await ReceiveUntilAsync(cluster.Socket, got => got.Any(a => IsReplyTo(a, id)), Prompt);

        Assert.Contains(seen, a => IsReplyTo(a, id));
    }

    private static bool IsReplyTo(JsonElement activity, string id) =>
        activity.TryGetProperty("replyToId", out var to) && to.GetString() == id;

    /// <summary>A conversation started on one instance whose stream is open there, with a second instance beside it.</summary>
    private sealed record TwoInstances(string Database, SafeChatHost Streaming, SafeChatHost Answering,
        DirectLineTestClient Chat, ClientWebSocket Socket) : IAsyncDisposable
    {
        public static async Task<TwoInstances> StartAsync()
        {
            var database = await PostgresServer.CreateDatabaseAsync();
            var settings = HostSettings.Postgres(database) with { Extra = ["--DirectLine:KeepAliveInterval=00:01:00"] };
            var streaming = await SafeChatHost.StartAsync(settings);
            var answering = await SafeChatHost.StartAsync(settings);
            var chat = await DirectLineTestClient.StartAsync(streaming.Http);
            var socket = await ConnectAsync(chat.StreamUrl!);
            await ReceiveUntilAsync(socket, got => got.Any(a => ActivitySet.Choices(a).Count > 0)); // the greeting
            return new TwoInstances(database, streaming, answering, chat, socket);
        }

        public async ValueTask DisposeAsync()
        {
            Socket.Dispose();
            await Answering.DisposeAsync();
            await Streaming.DisposeAsync();
        }
    }
}
