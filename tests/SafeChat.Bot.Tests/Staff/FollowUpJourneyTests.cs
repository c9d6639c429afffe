using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeChat.Bot.Storage;
using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.Staff;

/// <summary>
/// The whole promise of the queue, end to end: a report given in the chat reaches the queue with the right tier,
/// is claimed and answered, the reporter reads the answer in the same conversation and through "status CODE",
/// closing needs an outcome, and the audit log holds every read and action.
/// </summary>
public class FollowUpJourneyTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private SafeChatHost Host => fixture.Host;

    [Fact]
    public async Task From_chat_report_to_reply_to_closing_with_every_step_audited()
    {
        var (reporter, code) = await ReporterJourney.ReportAsync(Host.Http, ReporterJourney.TouchedYesterdayReplyInChat);
        var (_, calmer) = await ReporterJourney.ReportAsync(Host.Http, ReporterJourney.GesturesNoFollowUp);
        var responder = await StaffClient.SignedInAsync(Host, "responder");
        var supervisor = await StaffClient.SignedInAsync(Host, "supervisor");

        // In the queue, most urgent first.
        var queue = (await responder.GetJsonAsync("/staff/api/queue")).EnumerateArray().ToList();
        var urgent = queue.Single(c => c.GetProperty("code").GetString() == code);
        Assert.Equal(1, urgent.GetProperty("tier").GetInt32());
        Assert.True(queue.FindIndex(c => c.GetProperty("code").GetString() == code) < queue.FindIndex(c => c.GetProperty("code").GetString() == calmer));
        var id = urgent.GetProperty("id").GetInt64();

        // The reporter asked to hear back: closing before a reply is refused, with a reason.
        var early = await responder.PostAsync($"/staff/api/cases/{id}/close", new { outcome = "advised", text = "klaar" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await responder.PostAsync($"/staff/api/cases/{id}/claim")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await supervisor.PostAsync($"/staff/api/cases/{id}/claim")).StatusCode); // locked to one person
        const string reply = "Dank je voor je melding. We sturen extra handhavers naar metro Beurs.";
        Assert.Equal(HttpStatusCode.NoContent, (await responder.PostAsync($"/staff/api/cases/{id}/reply", new { text = reply })).StatusCode);

        // The reporter sees it in the same conversation...
        var inChat = await reporter.WaitForAsync(s => s.FromBot.Any(a => ActivitySet.Text(a).Contains("extra handhavers")));
        Assert.Contains(code, inChat.FromBot.Last(a => ActivitySet.Text(a).Contains("extra handhavers")).GetProperty("text").GetString());
        // ...and through "status CODE" in a new one.
        var later = await DirectLineTestClient.StartAsync(Host.Http);
        await later.WaitForQuestionAsync();
        var status = await later.ReplyAsync($"status {code}");
        Assert.Contains("extra handhavers", status.Describe());

        var noOutcome = await responder.PostAsync($"/staff/api/cases/{id}/close", new { text = "klaar" });
        Assert.Equal(HttpStatusCode.Conflict, noOutcome.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await responder.PostAsync($"/staff/api/cases/{id}/close", new { outcome = "enforcement-informed", text = "Handhaving ingelicht." })).StatusCode);
        Assert.DoesNotContain((await responder.GetJsonAsync("/staff/api/queue")).EnumerateArray(), c => c.GetProperty("id").GetInt64() == id);

        // Closed: the code no longer opens the reply, or lets anyone add to the case.
        var afterClose = await DirectLineTestClient.StartAsync(Host.Http);
        await afterClose.WaitForQuestionAsync();
        var closedStatus = (await afterClose.ReplyAsync($"status {code}")).Describe();
        Assert.Contains("afgerond", closedStatus);
        Assert.DoesNotContain("extra handhavers", closedStatus);

        var audit = (await supervisor.GetJsonAsync($"/staff/api/audit?reportId={id}")).EnumerateArray()
            .Select(a => (a.GetProperty("action").GetString(), a.GetProperty("staffId").GetInt64())).ToList();
        Assert.Contains(("claimed", responder.Account.Id), audit);
        Assert.Contains(("replied", responder.Account.Id), audit);
        Assert.Contains(("closed", responder.Account.Id), audit);
        Assert.Contains(("viewed-report", responder.Account.Id), audit.Concat(await ViewAndAudit(responder, supervisor, id)));
    }

    /// <summary>Reading a case is itself audited.</summary>
    private static async Task<IEnumerable<(string?, long)>> ViewAndAudit(StaffClient reader, StaffClient supervisor, long id)
    {
        await reader.GetJsonAsync($"/staff/api/cases/{id}");
        return (await supervisor.GetJsonAsync($"/staff/api/audit?reportId={id}")).EnumerateArray()
            .Select(a => (a.GetProperty("action").GetString(), a.GetProperty("staffId").GetInt64()));
    }

    [Fact]
    public async Task A_call_back_number_is_shown_while_needed_and_erased_when_the_case_closes()
    {
        var (_, code) = await ReporterJourney.ReportAsync(Host.Http, ReporterJourney.FollowingCallMe);
        var responder = await StaffClient.SignedInAsync(Host, "responder");
        var id = await responder.CaseIdAsync(code);

        var open = await responder.GetJsonAsync($"/staff/api/cases/{id}");
        Assert.Equal("+31623456789", open.GetProperty("phone").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await responder.PostAsync($"/staff/api/cases/{id}/call", new { reached = false })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await responder.PostAsync($"/staff/api/cases/{id}/close", new { outcome = "reporter-unreachable", text = "Twee keer gebeld." })).StatusCode);

        await using var db = Host.Services.GetRequiredService<SafeChatDbFactory>().Create();
        var report = await db.Reports.SingleAsync(r => r.Id == id);
        Assert.Null(report.ContactPhoneProtected);
        Assert.Null(report.CallWindow);
    }

    [Fact]
    public async Task A_warm_handover_needs_the_reporters_consent()
    {
        var (_, withConsent) = await ReporterJourney.ReportAsync(Host.Http, ReporterJourney.TouchedYesterdayReplyInChat);
        var (_, without) = await ReporterJourney.ReportAsync(Host.Http, ReporterJourney.FollowingCallMe);
        var responder = await StaffClient.SignedInAsync(Host, "responder");

        var ok = await responder.PostAsync($"/staff/api/cases/{await responder.CaseIdAsync(withConsent)}/handover", new { organisation = "slachtofferhulp" });
        var refused = await responder.PostAsync($"/staff/api/cases/{await responder.CaseIdAsync(without)}/handover", new { organisation = "slachtofferhulp" });

        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var entries = (await responder.GetJsonAsync($"/staff/api/cases/{await responder.CaseIdAsync(withConsent)}")).GetProperty("entries");
        Assert.Contains(entries.EnumerateArray(), e => e.GetProperty("kind").GetString() == "handover");
    }

    [Fact]
    public async Task State_changes_without_the_csrf_token_are_refused()
    {
        var (_, code) = await ReporterJourney.ReportAsync(Host.Http, ReporterJourney.GesturesNoFollowUp);
        var responder = await StaffClient.SignedInAsync(Host, "responder");
        var id = await responder.CaseIdAsync(code);

        var forged = await responder.PostAsync($"/staff/api/cases/{id}/claim", withCsrf: false);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task Wrong_codes_lock_the_account_after_five_tries()
    {
        var account = await Host.Services.GetRequiredService<SafeChat.Bot.Staff.Accounts.StaffAccounts>().AddAsync($"lock-{Guid.NewGuid():N}@gemeente.test", "responder");
        var client = StaffClient.Anonymous(Host);
        for (var i = 0; i < 5; i++) await client.SignInAsync(account.Email, account.OneTimePassword, "000000");

        var withRightCode = await client.SignInAsync(account.Email, account.OneTimePassword, StaffClient.Code(account.TotpSecret));

        Assert.Equal(HttpStatusCode.OK, withRightCode.StatusCode); // the form again, not a redirect into the app
        Assert.Contains("Te veel mislukte pogingen", await withRightCode.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_e_mail_answers_and_locks_exactly_like_a_real_one()
    {
        var account = await Host.Services.GetRequiredService<SafeChat.Bot.Staff.Accounts.StaffAccounts>().AddAsync($"real-{Guid.NewGuid():N}@gemeente.test", "responder");
        var real = StaffClient.Anonymous(Host);
        var unknown = StaffClient.Anonymous(Host);
        var answers = new List<(string Real, string Unknown)>();
        for (var i = 0; i < 6; i++)
            answers.Add((await (await real.SignInAsync(account.Email, "verkeerd wachtwoord", "000000")).Content.ReadAsStringAsync(),
                         await (await unknown.SignInAsync($"nobody-{account.Id}@gemeente.test", "verkeerd wachtwoord", "000000")).Content.ReadAsStringAsync()));

        Assert.All(answers, a => Assert.Equal(Message(a.Real), Message(a.Unknown)));
        Assert.Contains("Te veel mislukte pogingen", answers[^1].Unknown);
    }

    [Fact]
    public async Task A_failed_sign_in_is_audited_against_the_account_it_tried()
    {
        var account = await Host.Services.GetRequiredService<SafeChat.Bot.Staff.Accounts.StaffAccounts>().AddAsync($"tried-{Guid.NewGuid():N}@gemeente.test", "responder");

        var failed = await StaffClient.Anonymous(Host).SignInAsync(account.Email, "verkeerd wachtwoord", "000000");

        Assert.Contains("Deze combinatie", await failed.Content.ReadAsStringAsync());
        await using var db = Host.Services.GetRequiredService<SafeChat.Bot.Storage.SafeChatDbFactory>().Create();
        Assert.Equal(1, await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.Audit, a => a.StaffId == account.Id && a.Action == SafeChat.Bot.Staff.Audit.AuditActions.SignInFailed));
    }

    private static string Message(string page) =>
        System.Text.RegularExpressions.Regex.Match(page, "(Te veel mislukte pogingen[^<]*|Deze combinatie[^<]*)").Value;

    [Fact]
    public async Task The_one_time_password_opens_only_the_password_page_until_a_real_one_is_chosen()
    {
        var account = await Host.Services.GetRequiredService<SafeChat.Bot.Staff.Accounts.StaffAccounts>().AddAsync($"new-{Guid.NewGuid():N}@gemeente.test", "responder");
        var client = StaffClient.Anonymous(Host);
        await client.SignInAsync(account.Email, account.OneTimePassword, StaffClient.Code(account.TotpSecret));

        Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.GetAsync("/staff/api/queue")).StatusCode);
        Assert.Equal("/staff/password", (await client.Http.GetAsync("/staff")).Headers.Location?.OriginalString);
        Assert.Contains("minstens 12", await (await client.ChangePasswordAsync("te kort")).Content.ReadAsStringAsync());
        Assert.Contains("ander wachtwoord", await (await client.ChangePasswordAsync(account.OneTimePassword)).Content.ReadAsStringAsync());

        await client.ChangePasswordAsync(StaffClient.NewPassword);

        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/staff/api/queue")).StatusCode);
        var again = StaffClient.Anonymous(Host);
        var old = await again.SignInAsync(account.Email, account.OneTimePassword, StaffClient.Code(account.TotpSecret));
        Assert.Equal(HttpStatusCode.OK, old.StatusCode); // the one-time password no longer works: the form again
    }
}
