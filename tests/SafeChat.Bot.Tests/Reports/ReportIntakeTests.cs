using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeChat.Bot.Reports;
using SafeChat.Bot.Storage;
using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.Reports;

/// <summary>A report given in the chat, through the Direct Line endpoint, as it lands in the database.</summary>
public class ReportIntakeTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private SafeChatDb Database() => fixture.Host.Services.GetRequiredService<SafeChatDbFactory>().Create();

    private async Task<(DirectLineTestClient Chat, string Code)> ReportAsync(params string[] answers)
    {
        var chat = await DirectLineTestClient.StartAsync(fixture.Host.Http);
        await chat.WaitForQuestionAsync();
        await chat.AnswerAsync("ik wil een melding maken");
        ActivitySet set = null!;
        foreach (var answer in answers) set = await chat.ReplyAsync(answer);
        var sent = string.Join("\n", (await chat.WaitForAsync(s => s.Describe().Contains("status "))).FromBot.Select(ActivitySet.Text));
        var code = System.Text.RegularExpressions.Regex.Match(sent, @"status ([A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5})").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(code), set.Describe());
        return (chat, code);
    }

    [Fact]
    public async Task A_report_with_a_call_back_is_stored_with_its_tier_and_only_an_encrypted_number()
    {
        var (_, code) = await ReportAsync("Mij", "Aanraken of vastpakken", "Dit is alles", "Delfshaven", "tramhalte", "gisteren",
            "Hij pakte me vast, zijn nummer is 0612345678", "Ja, bel me", "06 87654321", "Avond", "Nee", "Versturen");

        await using var db = Database();
        var report = await db.Reports.SingleAsync(r => r.Code == code);
        Assert.Equal(1, report.Tier);
        Assert.Equal("physical-contact-within-7-days", report.TierReason);
        Assert.Equal("delfshaven", report.District);
        Assert.DoesNotContain("0612345678", report.Description);
        Assert.DoesNotContain("87654321", report.ContactPhoneProtected);
        Assert.Equal("+31687654321", fixture.Host.Services.GetRequiredService<ContactProtector>().Unprotect(report.ContactPhoneProtected!));
        Assert.Null(report.ReplyConversationId); // asked for a call, not a reply in this chat
        Assert.True(report.DeadlineAt > report.CreatedAt);
    }

    [Fact]
    public async Task Status_with_the_code_works_in_a_new_conversation_and_takes_added_information()
    {
        var (_, code) = await ReportAsync("Iemand anders, ik zag het", "Gebaren", "Dit is alles", "Noord", "Overslaan", "Vandaag",
            "Overslaan", "Ja, in deze chat", "Nee", "Versturen");

        var later = await DirectLineTestClient.StartAsync(fixture.Host.Http);
        await later.WaitForQuestionAsync();
        var status = await later.ReplyAsync($"status {code.ToLowerInvariant()}");
        Assert.Contains("nog niet bekeken", status.Describe());
        await later.SayAsync("Het was bij de ingang van het station, mail me op x@y.nl");
        await later.WaitForAsync(s => s.Describe().Contains("toegevoegd"));

        await using var db = Database();
        var report = await db.Reports.SingleAsync(r => r.Code == code);
        var added = await db.CaseEntries.SingleAsync(e => e.ReportId == report.Id);
        Assert.Equal(CaseEntryKinds.ReporterInformation, added.Kind);
        Assert.DoesNotContain("x@y.nl", added.Text);
        Assert.NotNull(report.ReplyConversationId);
    }

    [Fact]
    public async Task An_unknown_code_is_said_plainly()
    {
        var chat = await DirectLineTestClient.StartAsync(fixture.Host.Http);
        await chat.WaitForQuestionAsync();
        await chat.SayAsync("status ACDE-FGHJ");

        var set = await chat.WaitForAsync(s => s.Describe().Contains("geen melding"));

        Assert.Contains("geen melding met die code", set.Describe());
    }
}

public class WorkingHoursTests
{
    private static readonly WorkingHours Hours = new(new QueueOptions());

    [Theory]
    // Friday 20 Nov 2026 19:00 Rotterdam (18:00 UTC) + 4 working hours = Monday 13:00 (12:00 UTC).
    [InlineData("2026-11-20T18:00:00Z", 4, "2026-11-23T12:00:00Z")]
    // Wednesday 10:00 (09:00 UTC) + 8 working hours = Thursday 10:00.
    [InlineData("2026-11-18T09:00:00Z", 8, "2026-11-19T09:00:00Z")]
    // Saturday + 1 hour = Monday 10:00.
    [InlineData("2026-11-21T12:00:00Z", 1, "2026-11-23T09:00:00Z")]
    public void Deadlines_count_only_office_hours_in_Rotterdam(string start, double hours, string due) =>
        Assert.Equal(DateTime.Parse(due).ToUniversalTime(), Hours.AddTo(DateTime.Parse(start).ToUniversalTime(), hours));
}
