using System.Net.WebSockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeChat.Bot.Storage;
using SafeChat.Bot.Tests.Support;
using Xunit.Abstractions;

namespace SafeChat.Bot.Tests.Faults;

/// <summary>
/// SIGTERM, as Kubernetes, systemd and Docker stop SafeChat: turns already accepted are finished before the process
/// ends, and open Web Chat streams are closed with "going away" (1001), so DirectLineJS reconnects, to another instance.
/// </summary>
public sealed class GracefulShutdownTests(ITestOutputHelper output)
{
    private const int Conversations = 40, MessagesEach = 10;

    [Fact]
    public async Task SIGTERM_finishes_every_accepted_turn_and_closes_streams_with_going_away()
    {
        await using var twilio = await FakeTwilioApi.StartAsync();
        await using var cluster = await ProcessCluster.StartAsync(1, twilio);
        var http = cluster.Clients[0];
        var chats = await Task.WhenAll(Enumerable.Range(0, Conversations).Select(_ => DirectLineTestClient.StartAsync(http)));
        await Task.WhenAll(chats.Select(c => c.WaitForQuestionAsync()));
        using var socket = await StreamSocket.ConnectAsync(chats[0].StreamUrl!);
        await StreamSocket.ReceiveUntilAsync(socket, got => got.Count > 0);

        // A burst of messages; SIGTERM comes when half of them are acknowledged. The rest are either acknowledged too
        // (the server finishes requests it has begun) or refused; none is stored without being answered.
        var acknowledged = 0;
        var signalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var burst = chats.SelectMany(chat => Enumerable.Range(0, MessagesEach).Select(async i =>
        {
            try
            {
                await chat.SayAsync($"bericht {i}");
                if (Interlocked.Increment(ref acknowledged) == Conversations * MessagesEach / 2) signalled.TrySetResult();
            }
            catch (HttpRequestException)
            {
                // refused: the server had stopped taking requests
            }
        })).ToList();
        await WithLogs(signalled.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        await cluster.Instances[0].TerminateAsync(TimeSpan.FromSeconds(40));
        await WithLogs(Task.WhenAll(burst));

        output.WriteLine($"{acknowledged} of {Conversations * MessagesEach} messages acknowledged");
        Assert.Equal(0, cluster.Instances[0].ExitCode);
        Assert.Equal(0, await PendingTurnsAsync(cluster));
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, await CloseStatusAsync(socket));

        // A failure here depends on timing: what the instance logged is what explains it.
        async Task WithLogs(Task step)
        {
            try { await step; }
            catch (Exception failure) { throw new Xunit.Sdk.XunitException($"{failure.Message}\n{cluster.Logs(100)}"); }
        }
    }

    [Fact]
    public async Task Stopping_runs_the_turns_still_queued_before_the_host_ends()
    {
        // Turns made slow on purpose (100 ms each), so a queue is certain to be waiting when the stop comes: each conversation's
        // ten take a second one after another (at 20 ms and five each they were sometimes all done before the look).
        await using var host = await SafeChatHost.StartAsync(HostSettings.Sqlite(), s => CountingFlow.Install(s, TimeSpan.FromMilliseconds(100)));
        var chats = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => DirectLineTestClient.StartAsync(host.Http)));
        await Task.WhenAll(chats.Select(c => c.WaitForBotRepliesAsync(1)));
        await Task.WhenAll(chats.SelectMany(chat => Enumerable.Range(0, 10).Select(i => chat.SayAsync($"bericht {i}"))));
        var databases = host.Services.GetRequiredService<SafeChatDbFactory>();
        var pendingAtStop = await PendingTurnsAsync(databases);

        await host.StopAsync();

        Assert.True(pendingAtStop > 0, "turns must still be queued when the stop comes");
        Assert.Equal(0, await PendingTurnsAsync(databases));
    }

    private static Task<int> PendingTurnsAsync(ProcessCluster cluster) => PendingTurnsAsync(cluster.Database);

    private static async Task<int> PendingTurnsAsync(SafeChatDbFactory databases)
    {
        await using var db = databases.Create();
        return await db.Conversations.CountAsync(c => c.LastInboundSeq > c.LastProcessedSeq);
    }

    /// <summary>Reads what is left on the stream until the server's close frame.</summary>
    private static async Task<WebSocketCloseStatus?> CloseStatusAsync(ClientWebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (socket.State == WebSocketState.Open)
            if ((await socket.ReceiveAsync(buffer, timeout.Token)).MessageType == WebSocketMessageType.Close) break;
        return socket.CloseStatus;
    }
}
