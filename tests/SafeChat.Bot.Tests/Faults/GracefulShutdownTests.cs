using System.Net.WebSockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeChat.Bot.Conversations;
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
        // Every conversation's turns wait at its lock, held here as a long turn would hold it, and are let go one by one over
        // two seconds once the stop has begun: the turn workers are told to stop with most of the work still queued. More
        // conversations than workers (at most 64), so some wait in the queue itself, not only at a lock. Awaited, not slept:
        // turns that slept blocked the thread pool of the whole test process, and in one CI run the stop ran out of time.
        await using var host = await SafeChatHost.StartAsync(HostSettings.Sqlite(), CountingFlow.Install);
        var chats = await Task.WhenAll(Enumerable.Range(0, HeldConversations).Select(_ => DirectLineTestClient.StartAsync(host.Http)));
        await Task.WhenAll(chats.Select(c => c.WaitForBotRepliesAsync(1)));
        var locks = host.Services.GetRequiredService<ConversationLocks>();
        var held = await Task.WhenAll(chats.Select(c => locks.AcquireAsync(c.ConversationId, CancellationToken.None)));
        await Task.WhenAll(chats.SelectMany(chat => Enumerable.Range(0, 3).Select(i => chat.SayAsync($"bericht {i}"))));
        var databases = host.Services.GetRequiredService<SafeChatDbFactory>();
        var pendingAtStop = await PendingTurnsAsync(databases);

        var stopping = host.StopAsync();
        foreach (var turn in held)
        {
            turn.Dispose();
            await Task.Delay(TimeSpan.FromSeconds(2) / HeldConversations);
        }
        await stopping;

        Assert.Equal(HeldConversations, pendingAtStop);
        Assert.Equal(0, await PendingTurnsAsync(databases));
    }

    private const int HeldConversations = 80;

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
