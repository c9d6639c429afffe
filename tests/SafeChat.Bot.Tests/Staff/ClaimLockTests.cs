using System.Net;
using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.Staff;

/// <summary>The claim is a lock on every case action: a colleague cannot close (and so erase the reporter's number);
/// a supervisor can take over, and that is audited.</summary>
public class ClaimLockTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private SafeChatHost Host => fixture.Host;

    [Fact]
    public async Task Only_the_holder_acts_on_a_claimed_case_and_a_supervisor_takes_over_on_the_record()
    {
        var (_, code) = await ReporterJourney.ReportAsync(Host.Http, ReporterJourney.GesturesNoFollowUp);
        var holder = await StaffClient.SignedInAsync(Host, "responder");
        var colleague = await StaffClient.SignedInAsync(Host, "responder");
        var supervisor = await StaffClient.SignedInAsync(Host, "supervisor");
        var id = await holder.CaseIdAsync(code);
        Assert.Equal(HttpStatusCode.NoContent, (await holder.PostAsync($"/staff/api/cases/{id}/claim")).StatusCode);

        Assert.Equal(HttpStatusCode.Conflict, (await colleague.PostAsync($"/staff/api/cases/{id}/close", new { outcome = "advised", text = "weg" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await colleague.PostAsync($"/staff/api/cases/{id}/reply", new { text = "hallo" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await colleague.PostAsync($"/staff/api/cases/{id}/notes", new { text = "notitie" })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await supervisor.PostAsync($"/staff/api/cases/{id}/notes", new { text = "ik neem het over" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await holder.PostAsync($"/staff/api/cases/{id}/notes", new { text = "nog van mij?" })).StatusCode);
        var audit = (await supervisor.GetJsonAsync($"/staff/api/audit?reportId={id}")).EnumerateArray()
            .Select(a => (a.GetProperty("action").GetString(), a.GetProperty("staffId").GetInt64())).ToList();
        Assert.Contains(("took-over", supervisor.Account.Id), audit);
    }
}
