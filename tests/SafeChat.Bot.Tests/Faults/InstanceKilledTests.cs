using Microsoft.EntityFrameworkCore;
using SafeChat.Bot.Storage;
using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.Faults;

/// <summary>
/// Three SafeChat processes on one PostgreSQL; one is killed with SIGKILL in the middle of a burst of report
/// submissions on Web Chat and SMS. Clients send what was not acknowledged again through another instance.
/// </summary>
public sealed class InstanceKilledTests
{
    private const int WebChatReporters = 9, SmsReporters = 9, Victim = 2;

    [Fact]
    public async Task Killing_an_instance_mid_burst_loses_no_report_duplicates_none_and_answers_every_acknowledged_message()
    {
        await using var twilio = await FakeTwilioApi.StartAsync();
        await using var cluster = await ProcessCluster.StartAsync(3, twilio, await PostgresServer.CreateDatabaseAsync());
        var delivery = new Delivery(cluster.Clients);

        // Everyone fills in a report up to its summary, each on a home instance; nothing is sent yet.
        var web = await Task.WhenAll(Enumerable.Range(0, WebChatReporters).Select(async i =>
        {
            var reporter = await WebChatReporter.StartAsync(delivery, cluster.Clients, home: i % 3);
            for (var step = 0; step < WebChatReporter.Steps.Length - 1; step++) await reporter.SayAsync(step, first: i % 3);
            return reporter;
        }));
        var sms = await Task.WhenAll(Enumerable.Range(0, SmsReporters).Select(async i =>
        {
            var reporter = new SmsReporter($"+3161200{i:D4}", twilio, delivery);
            for (var step = 0; step < SmsReporter.Steps.Length - 1; step++) await reporter.SayAsync(step, first: i % 3);
            return reporter;
        }));
        Assert.Equal(0, await CountAsync(cluster, db => db.Reports));

        // The burst: every "send" a few milliseconds apart, spread over the instances. The victim dies right after it
        // acknowledged its first one, with more of its share still to come and its acknowledged turns maybe unrun.
        var victimAcknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Acknowledged(int instance) { if (instance == Victim) victimAcknowledged.TrySetResult(); }
        var senders = web.Select((r, i) => (First: i % 3, Send: (Func<Task>)(() => r.SayAsync(WebChatReporter.Steps.Length - 1, first: i % 3, Acknowledged, readFrom: 0))))
            .Concat(sms.Select((r, i) => (First: (i + 1) % 3, Send: (Func<Task>)(() => r.SayAsync(SmsReporter.Steps.Length - 1, first: (i + 1) % 3, Acknowledged)))))
            .ToList();
        // The victim's first sender goes in the burst; the rest of its share leaves only once it is dead, so some
        // messages are always still on their way to it, however fast or slow this machine is.
        var firstForVictim = senders.FindIndex(s => s.First == Victim);
        var burst = senders.Select((sender, i) => Task.Run(async () =>
        {
            await Task.Delay(i * 15);
            if (sender.First == Victim && i != firstForVictim) await killed.Task;
            await sender.Send();
        })).ToList();
        await victimAcknowledged.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cluster.Instances[Victim].KillAsync();
        killed.SetResult();

        await Task.WhenAll(burst).WaitAsync(TimeSpan.FromMinutes(3));
        var webCodes = await Task.WhenAll(web.Select(r => r.CodeAsync(cluster.Clients[0])));
        var smsCodes = await Task.WhenAll(sms.Select(r => r.CodeAsync()));

        await using var db = cluster.Database.Create();
        var stored = await db.Reports.Select(r => r.Code).ToListAsync();
        var explain = $"failovers={delivery.ConnectionFailures}\n{cluster.Logs()}";
        Assert.True(delivery.ConnectionFailures > 0, "the kill must land while messages were still on their way to the victim\n" + explain);
        Assert.Empty(delivery.Unexpected);
        Assert.Equal(WebChatReporters + SmsReporters, stored.Count);          // none lost, none twice
        Assert.Equal(stored.Order(), webCodes.Concat(smsCodes).Order());     // each reporter was told its own code
        foreach (var reporter in web)                                       // a resent "send" was stored once
            Assert.Single((await reporter.Chat.Via(cluster.Clients[0]).GetAsync()).FromUser, a => ActivitySet.Text(a) == "Versturen");
        Assert.Equal(0, await db.Conversations.CountAsync(c => c.LastInboundSeq > c.LastProcessedSeq));
        Assert.True(await Eventually.HoldsAsync(async () => !await db.Outbox.AnyAsync(o => o.Status != OutboxStatuses.Sent), TimeSpan.FromSeconds(90)),
            "every reply must leave the outbox after the recovery:\n" + await OutboxReport.UnsentAsync(db));
    }

    private static async Task<int> CountAsync<T>(ProcessCluster cluster, Func<SafeChatDb, IQueryable<T>> rows)
    {
        await using var db = cluster.Database.Create();
        return await rows(db).CountAsync();
    }
}
