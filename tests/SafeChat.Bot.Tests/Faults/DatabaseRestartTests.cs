using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeChat.Bot.Storage;
using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.Faults;

/// <summary>
/// Two instances on a PostgreSQL server that crashes (immediate stop) in the middle of traffic and comes back a few
/// seconds later. Requests during the outage fail cleanly (503 with Retry-After) and are sent again by the clients.
/// </summary>
public sealed class DatabaseRestartTests
{
    private const int WebChatReporters = 6, SmsReporters = 6;

    [Fact]
    public async Task A_database_restart_mid_traffic_gives_clean_503s_loses_nothing_and_the_outbox_drains_afterwards()
    {
        await using var postgres = await PrivatePostgres.StartAsync();
        await using var twilio = await FakeTwilioApi.StartAsync();
        var settings = HostSettings.Postgres(postgres.ConnectionString) with { Extra = [.. TwilioPhone.HostArguments(twilio)] };
        await using var first = await SafeChatHost.StartAsync(settings);
        await using var second = await SafeChatHost.StartAsync(settings);
        HttpClient[] instances = [first.Http, second.Http];
        var delivery = new Delivery(instances);
        var web = await Task.WhenAll(Enumerable.Range(0, WebChatReporters).Select(i => WebChatReporter.StartAsync(delivery, instances, i % 2)));
        var sms = Enumerable.Range(0, SmsReporters).Select(i => new SmsReporter($"+3161300{i:D4}", twilio, delivery)).ToArray();
        // One more person writes exactly while the database is away, so the outage is always felt by a request:
        // the others may all be waiting for an answer at that moment.
        var duringOutage = await WebChatReporter.StartAsync(delivery, instances, 0);

        // Everyone makes a whole report; once a third of all messages is in, the database crashes for a few seconds.
        var total = WebChatReporters * WebChatReporter.Steps.Length + SmsReporters * SmsReporter.Steps.Length;
        var readyDuringOutage = HttpStatusCode.OK;
        var outage = Task.Run(async () =>
        {
            while (delivery.Acknowledged < total / 3) await Task.Delay(20);
            await postgres.CrashAsync();
            readyDuringOutage = (await first.Http.GetAsync("/health/ready")).StatusCode;
            var written = duringOutage.SayAsync(0, first: 0); // answered 503 and sent again until the database is back
            await Task.Delay(TimeSpan.FromSeconds(3));
            await postgres.StartAgainAsync();
            await written;
        });
        var journeys = web.Select((reporter, i) => Task.Run(async () =>
            {
                for (var step = 0; step < WebChatReporter.Steps.Length; step++) await reporter.SayAsync(step, first: i % 2);
            }))
            .Concat(sms.Select((reporter, i) => Task.Run(async () =>
            {
                for (var step = 0; step < SmsReporter.Steps.Length; step++) await reporter.SayAsync(step, first: i % 2);
            })));
        await Task.WhenAll(journeys).WaitAsync(TimeSpan.FromMinutes(4));
        await outage;
        var codes = (await Task.WhenAll(web.Select(r => r.CodeAsync(first.Http)))).Concat(await Task.WhenAll(sms.Select(r => r.CodeAsync()))).ToList();

        await using var db = first.Services.GetRequiredService<SafeChatDbFactory>().Create();
        Assert.True(delivery.Unavailable > 0, "the outage must have been felt by some requests");
        Assert.True(delivery.Unexpected.Count == 0,                             // no 500s, no hangs: 503 with Retry-After
            string.Join("\n", delivery.Unexpected) + "\n" + string.Join("\n", first.Logs.Lines.Concat(second.Logs.Lines).Where(l => l.Contains("xception") || l.Contains("fail:"))));
        Assert.Equal([WebChatReporter.Steps[0]], (await duringOutage.Chat.Via(first.Http).GetAsync()).FromUser.Select(ActivitySet.Text));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyDuringOutage);
        Assert.Equal((await db.Reports.Select(r => r.Code).ToListAsync()).Order(), codes.Order()); // every report once
        foreach (var reporter in web)                                          // every message in the transcript once
        {
            var said = (await reporter.Chat.Via(first.Http).GetAsync()).FromUser.Select(ActivitySet.Text);
            Assert.Equal(WebChatReporter.Steps, said);
        }
        Assert.Equal(0, await db.Conversations.CountAsync(c => c.LastInboundSeq > c.LastProcessedSeq));
        Assert.True(await Eventually.HoldsAsync(async () => !await db.Outbox.AnyAsync(o => o.Status != OutboxStatuses.Sent), TimeSpan.FromSeconds(90)),
            "the outbox must drain once the database is back:\n" + await OutboxReport.UnsentAsync(db));
    }
}
