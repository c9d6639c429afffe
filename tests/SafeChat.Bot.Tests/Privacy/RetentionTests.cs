using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SafeChat.Bot.Privacy;
using SafeChat.Bot.Storage;
using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.Privacy;

/// <summary>Retention with a clock the test controls: transcripts go, reports lose what identifies, audit stays its time.</summary>
public sealed class RetentionTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero));
    private SafeChatHost _host = null!;

    public async Task InitializeAsync() => _host = await SafeChatHost.StartAsync(
        HostSettings.Sqlite() with { Extra = ["--Retention:Scheduled=false"] }, services => services.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private SafeChatDb Db() => _host.Services.GetRequiredService<SafeChatDbFactory>().Create();

    [Fact]
    public async Task Transcripts_go_after_30_days_unless_they_carry_an_open_case_and_closed_cases_are_deidentified_after_a_year()
    {
        var job = _host.Services.GetRequiredService<RetentionJob>();
        var casual = await DirectLineTestClient.StartAsync(_host.Http);
        await casual.WaitForQuestionAsync();
        var (reporter, code) = await ReporterJourney.ReportAsync(_host.Http, ReporterJourney.TouchedYesterdayReplyInChat);
        var staff = await StaffClient.SignedInAsync(_host, "responder");
        var id = await staff.CaseIdAsync(code);

        _clock.Advance(TimeSpan.FromDays(31));
        await job.RunIfDueAsync();

        await using (var db = Db())
        {
            Assert.False(await db.Conversations.AnyAsync(c => c.Id == casual.ConversationId));
            Assert.False(await db.Activities.AnyAsync(a => a.ConversationId == casual.ConversationId));
            Assert.True(await db.Conversations.AnyAsync(c => c.Id == reporter.ConversationId), "the reply channel of an open case stays");
        }

        staff = await StaffClient.SignedInAsync(_host, "responder");
        await staff.PostAsync($"/staff/api/cases/{id}/reply", new { text = "Dank je voor je melding." });
        await staff.PostAsync($"/staff/api/cases/{id}/close", new { outcome = "advised", text = "Advies gegeven." });
        _clock.Advance(TimeSpan.FromDays(31));
        await job.RunIfDueAsync();
        await using (var db = Db())
            Assert.False(await db.Conversations.AnyAsync(c => c.Id == reporter.ConversationId), "gone once the case is closed");

        _clock.Advance(TimeSpan.FromDays(366));
        await job.RunIfDueAsync();

        await using (var db = Db())
        {
            var report = await db.Reports.SingleAsync(r => r.Id == id);
            Assert.Null(report.Description);
            Assert.Null(report.Place);
            Assert.Null(report.OutcomeText);
            Assert.Null(report.ReplyConversationId);
            Assert.Equal("touching", report.Categories); // what policy needs stays
            Assert.Equal("centrum", report.District);
            Assert.Equal("advised", report.Outcome);
            Assert.False(await db.CaseEntries.AnyAsync(e => e.ReportId == id));
            Assert.True(await db.Audit.AnyAsync(a => a.ReportId == id), "audit entries have their own, longer period");
        }

        _clock.Advance(TimeSpan.FromDays(370));
        await job.RunIfDueAsync();
        await using (var db = Db())
            Assert.False(await db.Audit.AnyAsync(a => a.ReportId == id));
        Assert.Contains(_host.Logs.Lines, l => l.Contains("Retention:") && l.Contains("conversations deleted"));
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains("Retention:") && l.Contains("metro Beurs"));
    }

    [Fact]
    public async Task The_job_runs_once_per_period_however_often_it_is_asked()
    {
        var job = _host.Services.GetRequiredService<RetentionJob>();

        Assert.NotNull(await job.RunIfDueAsync());
        Assert.Null(await job.RunIfDueAsync());
        _clock.Advance(TimeSpan.FromMinutes(61));
        Assert.NotNull(await job.RunIfDueAsync());
    }
}
