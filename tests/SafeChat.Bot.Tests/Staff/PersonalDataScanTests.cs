using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PhoneNumbers;
using SafeChat.Bot.Storage;
using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.Staff;

/// <summary>
/// After reports full of contact details have gone through the chat and the queue, no phone number, e-mail address
/// or client IP address is in a stored report, a case entry, the audit log, or any log line.
/// </summary>
public partial class PersonalDataScanTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private const string ClientAddress = "203.0.113.77"; // a documentation address, sent as X-Forwarded-For

    [Fact]
    public async Task Nothing_personal_in_reports_case_history_audit_or_logs()
    {
        fixture.Host.Http.DefaultRequestHeaders.Add("X-Forwarded-For", ClientAddress);
        var (_, code) = await ReporterJourney.ReportAsync(fixture.Host.Http, ReporterJourney.TouchedYesterdayReplyInChat);
        await ReporterJourney.ReportAsync(fixture.Host.Http, ReporterJourney.FollowingCallMe);
        var responder = await StaffClient.SignedInAsync(fixture.Host, "responder");
        var id = await responder.CaseIdAsync(code);
        await responder.PostAsync($"/staff/api/cases/{id}/reply", new { text = "Bel ons gerust terug op 06-55512345 of mail info@gemeente.test" });
        await responder.PostAsync($"/staff/api/cases/{id}/notes", new { text = "Melder noemde 010 1234567" });

        await using var db = fixture.Host.Services.GetRequiredService<SafeChatDbFactory>().Create();
        var stored = new List<string>();
        foreach (var r in await db.Reports.AsNoTracking().ToListAsync())
            stored.AddRange(new[] { r.Code, r.Categories, r.District, r.Place, r.Description, r.Signals, r.TierReason, r.OutcomeText, r.ReplyConversationId }.OfType<string>());
        stored.AddRange(await db.CaseEntries.AsNoTracking().Select(e => e.Text).ToListAsync());
        stored.AddRange(await db.Audit.AsNoTracking().Select(a => a.Action + " " + a.Detail).ToListAsync());

        var logs = fixture.Host.Logs.Lines.Where(l => !l.Contains("Now listening on") && !l.Contains("Web chat: http")).ToList();
        foreach (var text in stored.Concat(logs))
        {
            Assert.False(HasPhoneNumber(text), $"phone number in: {text}");
            Assert.False(Email().IsMatch(text), $"e-mail address in: {text}");
            Assert.DoesNotContain(ClientAddress, text);
            Assert.False(IpAddress().IsMatch(text), $"IP address in: {text}");
        }
        Assert.NotEmpty(logs);
    }

    private static bool HasPhoneNumber(string text) =>
        PhoneNumberUtil.GetInstance().FindNumbers(text, "NL", PhoneNumberUtil.Leniency.VALID, long.MaxValue).Any();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+\.[\w.-]+")]
    private static partial Regex Email();

    [GeneratedRegex(@"\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b")]
    private static partial Regex IpAddress();
}
