using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SafeChat.Bot.Staff.Escalation;
using SafeChat.Bot.Storage;
using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.Staff;

/// <summary>Deadlines and escalation with a clock the test controls.</summary>
public class EscalationTests
{
    [Fact]
    public async Task An_overdue_case_is_flagged_once_shown_to_supervisors_and_sent_to_the_webhook()
    {
        // Wednesday 18 November 2026, 11:00 in Rotterdam.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero));
        await using var sink = await WebhookSink.StartAsync();
        await using var host = await SafeChatHost.StartAsync(HostSettings.Sqlite() with { Extra = Webhook(sink.Url) },
            services => services.AddSingleton<TimeProvider>(clock));
        var (_, code) = await ReporterJourney.ReportAsync(host.Http, ReporterJourney.TouchedYesterdayReplyInChat);
        var job = host.Services.GetRequiredService<EscalationJob>();
        var supervisor = await StaffClient.SignedInAsync(host, "supervisor");
        var id = await supervisor.CaseIdAsync(code);

        await job.RunOnceAsync();
        Assert.Empty((await supervisor.GetJsonAsync("/staff/api/queue?overdue=true")).EnumerateArray());

        // Tier 1 has 4 working hours: due Wednesday 15:00. At 16:00 it is overdue.
        clock.Advance(TimeSpan.FromHours(5));
        await job.RunOnceAsync();
        await job.RunOnceAsync();
        supervisor = await StaffClient.SignedInAsync(host, "supervisor"); // the earlier session expired meanwhile

        var overdue = (await supervisor.GetJsonAsync("/staff/api/queue?overdue=true")).EnumerateArray().ToList();
        Assert.Contains(overdue, c => c.GetProperty("id").GetInt64() == id && c.GetProperty("escalated").GetBoolean());
        await using var db = host.Services.GetRequiredService<SafeChatDbFactory>().Create();
        Assert.Equal(1, await db.Audit.CountAsync(a => a.ReportId == id && a.Action == "escalated"));
        var sent = Assert.Single(sink.Received);
        Assert.Contains($"\"caseId\":{id}", sent);
        Assert.DoesNotContain(code, sent); // the report code opens the reporter's side: it never leaves
        Assert.Contains("case-overdue", sent);
        Assert.DoesNotContain("greep", sent); // nothing of the report's content leaves
        Assert.Equal(HttpStatusCode.OK, (await supervisor.Http.GetAsync("/staff/overdue")).StatusCode);
        // Signed: the receiver recomputes the HMAC of "timestamp.body" with the shared secret.
        var (timestamp, signature) = Assert.Single(sink.Signatures);
        Assert.Equal(clock.GetUtcNow().ToUnixTimeSeconds().ToString(), timestamp);
        Assert.Equal("sha256=" + WebhookSignature.Compute(WebhookSecret, timestamp!, sent), signature);
        Assert.NotEqual("sha256=" + WebhookSignature.Compute("another secret of at least 32 characters!", timestamp!, sent), signature);
    }

    [Fact]
    public async Task A_person_waiting_for_a_live_chat_too_long_is_escalated_once_with_no_words_of_theirs()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero));
        await using var sink = await WebhookSink.StartAsync();
        await using var host = await SafeChatHost.StartAsync(HostSettings.Sqlite() with { Extra = [.. Webhook(sink.Url), "--Handover:MaxWaitMinutes=10", "--Handover:Hours=always"] },
            services => services.AddSingleton<TimeProvider>(clock));
        var chat = await DirectLineTestClient.StartAsync(host.Http);
        await chat.WaitForQuestionAsync();
        await chat.AnswerAsync("nee");
        await chat.AnswerAsync("ik wil met een mens praten over die man bij de Coolsingel");
        await chat.ReplyAsync("Ja, ik wacht");
        var job = host.Services.GetRequiredService<EscalationJob>();

        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(0, await job.RunOnceAsync());
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await job.RunOnceAsync());
        Assert.Equal(0, await job.RunOnceAsync());

        var sent = Assert.Single(sink.Received);
        Assert.Contains("live-chat-waiting", sent);
        Assert.DoesNotContain("Coolsingel", sent);
        var supervisor = await StaffClient.SignedInAsync(host, "supervisor");
        Assert.True(Assert.Single((await supervisor.GetJsonAsync("/staff/api/live")).EnumerateArray()).GetProperty("escalated").GetBoolean());
        await using var db = host.Services.GetRequiredService<SafeChatDbFactory>().Create();
        Assert.Equal(1, await db.Audit.CountAsync(a => a.Action == "escalated-live-chat"));
    }

    [Fact]
    public async Task A_redirect_from_the_webhook_is_not_followed()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero));
        await using var sink = await WebhookSink.StartAsync();
        await using var host = await SafeChatHost.StartAsync(HostSettings.Sqlite() with { Extra = Webhook(sink.RedirectingUrl) },
            services => services.AddSingleton<TimeProvider>(clock));
        await ReporterJourney.ReportAsync(host.Http, ReporterJourney.TouchedYesterdayReplyInChat);
        clock.Advance(TimeSpan.FromHours(5));

        Assert.Equal(1, await host.Services.GetRequiredService<EscalationJob>().RunOnceAsync());

        Assert.Empty(sink.Received);
        Assert.Contains(host.Logs.Lines, l => l.Contains("Escalation webhook answered 307"));
    }

    [Theory]
    [InlineData("http://hooks.gemeente.example/overdue", WebhookSecret, "https")]
    [InlineData("https://hooks.gemeente.example/overdue", "", "EscalationWebhookSecret")]
    [InlineData("https://hooks.gemeente.example/overdue", "too-short", "EscalationWebhookSecret")]
    [InlineData("hooks.gemeente.example/overdue", WebhookSecret, "absolute")]
    public async Task A_webhook_that_is_not_https_or_not_signed_stops_the_start(string url, string secret, string named)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SafeChatHost.StartAsync(HostSettings.Sqlite() with
        {
            Extra = [$"--Queue:EscalationWebhookUrl={url}", $"--Queue:EscalationWebhookSecret={secret}"],
        }));

        Assert.Contains(named, error.Message);
    }

    private const string WebhookSecret = "a-shared-webhook-secret-0123456789abcdef";

    private static string[] Webhook(string url) => [$"--Queue:EscalationWebhookUrl={url}", $"--Queue:EscalationWebhookSecret={WebhookSecret}"];
}
