using System.Net;
using System.Text.Json;
using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.Live;

/// <summary>
/// The staff side of a live chat through HTTP: the pages work without script (read, claim, send, close by form), only the
/// holder may post, every read is audited, the live pages alone may run our script, and a report from the chat needs the
/// person's consent, is made once and is audited.
/// </summary>
public class LiveStaffPageTests : IAsyncLifetime
{
    private SafeChatHost _host = null!;

    public async Task InitializeAsync() => _host = await SafeChatHost.StartAsync(HostSettings.Sqlite() with { Extra = ["--Handover:Hours=always"] });
    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_report_from_a_live_chat_needs_consent_is_made_once_by_the_holder_and_is_audited()
    {
        var (_, id) = await PersonWaitingAsync();
        var holder = await StaffClient.SignedInAsync(_host, "responder");
        var colleague = await StaffClient.SignedInAsync(_host, "responder");
        var supervisor = await StaffClient.SignedInAsync(_host, "supervisor");
        Assert.Equal(HttpStatusCode.NoContent, (await holder.PostAsync($"/staff/api/live/{id}/claim")).StatusCode);

        var withoutConsent = await holder.PostAsync($"/staff/api/live/{id}/report", new { consent = false });
        Assert.Equal(HttpStatusCode.Conflict, withoutConsent.StatusCode);
        Assert.Contains("instemt", await withoutConsent.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await holder.PostAsync($"/staff/api/live/{id}/report", new { consent = true }, withCsrf: false)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await colleague.PostAsync($"/staff/api/live/{id}/report", new { consent = true })).StatusCode);
        Assert.Empty(await AuditAsync(supervisor, "reported-from-live-chat"));
        Assert.Empty((await holder.GetJsonAsync("/staff/api/queue")).EnumerateArray());

        var made = await holder.PostAsync($"/staff/api/live/{id}/report", new { consent = true, description = "Naar geroepen bij de tramhalte, bel 06 12345678" });
        Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        var report = JsonDocument.Parse(await made.Content.ReadAsStringAsync()).RootElement;
        var reportId = report.GetProperty("reportId").GetInt64();
        var code = report.GetProperty("code").GetString()!;

        // Stored as any report from the bot: in the queue, the answer into this chat, free text scrubbed.
        Assert.Equal(reportId, await holder.CaseIdAsync(code));
        var view = await holder.GetJsonAsync($"/staff/api/cases/{reportId}");
        Assert.Equal("InChat", view.GetProperty("followUp").GetString());
        Assert.DoesNotContain("12345678", view.GetProperty("description").GetString());
        var audited = Assert.Single(await AuditAsync(supervisor, "reported-from-live-chat"));
        Assert.Equal(reportId, audited.GetProperty("reportId").GetInt64());
        Assert.Equal($"live {id}", audited.GetProperty("detail").GetString());

        Assert.Equal(HttpStatusCode.Conflict, (await holder.PostAsync($"/staff/api/live/{id}/report", new { consent = true })).StatusCode);
        Assert.Single(await AuditAsync(supervisor, "reported-from-live-chat"));
    }

    [Fact]
    public async Task The_report_form_on_the_page_refuses_without_consent_and_shows_the_code_with_it()
    {
        var (_, id) = await PersonWaitingAsync();
        var holder = await StaffClient.SignedInAsync(_host, "responder");
        await holder.PostFormAsync($"/staff/live/{id}?handler=Claim", $"/staff/live/{id}");

        var refused = await holder.PostFormAsync($"/staff/live/{id}?handler=Report", $"/staff/live/{id}");
        Assert.Contains("Maak alleen een melding als de persoon daarmee instemt.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Empty((await holder.GetJsonAsync("/staff/api/queue")).EnumerateArray());

        var made = await holder.PostFormAsync($"/staff/live/{id}?handler=Report", $"/staff/live/{id}", new() { ["consent"] = "true" });
        var html = WebUtility.HtmlDecode(await made.Content.ReadAsStringAsync());
        var code = Assert.Single((await holder.GetJsonAsync("/staff/api/queue")).EnumerateArray()).GetProperty("code").GetString()!;
        Assert.Contains($"zaak {code}", html);
        Assert.Contains($"status {code}", html); // the message to pass the code on waits in the text box
    }

    [Fact]
    public async Task Without_script_a_responder_reads_claims_sends_and_ends_and_a_non_holder_cannot_post_from_the_page()
    {
        var (person, id) = await PersonWaitingAsync();
        var holder = await StaffClient.SignedInAsync(_host, "responder");
        var colleague = await StaffClient.SignedInAsync(_host, "responder");
        var supervisor = await StaffClient.SignedInAsync(_host, "supervisor");

        var inbox = await holder.Http.GetStringAsync("/staff/live");
        Assert.Contains($"href=\"/staff/live/{id}\"", inbox);
        Assert.Contains("Aannemen", inbox);
        var claimed = await holder.PostFormAsync($"/staff/live?id={id}&handler=Claim", "/staff/live");
        Assert.Equal(HttpStatusCode.Redirect, claimed.StatusCode);
        Assert.Equal($"/staff/live/{id}", claimed.Headers.Location?.OriginalString);

        var sent = await holder.PostFormAsync($"/staff/live/{id}?handler=Send", $"/staff/live/{id}", new() { ["text"] = "Hoi, ik ben Anna. Wat is er gebeurd?" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        await person.WaitForAsync(set => set.FromBot.Any(a => ActivitySet.Text(a).Contains("Wat is er gebeurd?")));
        await person.SayAsync("Iemand floot en riep naar me");
        Assert.True(await Eventually.HoldsAsync(async () => (await holder.Http.GetStringAsync($"/staff/live/{id}")).Contains("Iemand floot en riep naar me")));

        // A colleague reads the chat (audited) but gets no text box, and a form post of theirs is refused.
        var theirs = await colleague.Http.GetStringAsync($"/staff/live/{id}");
        Assert.Contains("Iemand floot en riep naar me", theirs);
        Assert.DoesNotContain("id=\"send\"", theirs);
        Assert.DoesNotContain("Beëindigen", WebUtility.HtmlDecode(theirs));
        var refused = await colleague.PostFormAsync($"/staff/live/{id}?handler=Send", $"/staff/live/{id}", new() { ["text"] = "ik ook" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Je voert dit gesprek niet", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        var closeRefused = await colleague.PostFormAsync($"/staff/live/{id}?handler=Close", $"/staff/live/{id}", new() { ["outcome"] = "helped" });
        Assert.Equal(HttpStatusCode.OK, closeRefused.StatusCode);
        var messages = (await holder.GetJsonAsync($"/staff/api/live/{id}/messages")).EnumerateArray().Select(m => m.GetProperty("text").GetString()).ToList();
        Assert.DoesNotContain("ik ook", messages);
        Assert.Contains("Hoi, ik ben Anna. Wat is er gebeurd?", messages);

        var closed = await holder.PostFormAsync($"/staff/live/{id}?handler=Close", $"/staff/live/{id}", new() { ["outcome"] = "helped" });
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Contains("Afgesloten: Geholpen of advies gegeven.", WebUtility.HtmlDecode(await holder.Http.GetStringAsync($"/staff/live/{id}")));

        var viewed = await AuditAsync(supervisor, "viewed-live-chat");
        Assert.Contains(viewed, a => a.GetProperty("staffId").GetInt64() == colleague.Account.Id);
        Assert.Contains(viewed, a => a.GetProperty("staffId").GetInt64() == holder.Account.Id);
        Assert.Single(await AuditAsync(supervisor, "closed-live-chat"));
    }

    [Fact]
    public async Task Only_the_live_pages_may_run_our_script_and_the_menu_counts_who_waits()
    {
        var (_, id) = await PersonWaitingAsync();
        var staff = await StaffClient.SignedInAsync(_host, "responder");

        var queue = await staff.Http.GetAsync("/staff");
        var csp = queue.Headers.GetValues("Content-Security-Policy").Single();
        Assert.DoesNotContain("script-src", csp);
        Assert.Contains("<span class=\"count\">(1 wachtend)</span>", await queue.Content.ReadAsStringAsync());
        var live = await staff.Http.GetAsync($"/staff/live/{id}");
        var liveCsp = live.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", liveCsp);
        Assert.Contains("connect-src 'self'", liveCsp);
        Assert.Contains("default-src 'none'", liveCsp);
        Assert.Contains("<script src=\"/staff/live.js\" defer></script>", await live.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await staff.Http.GetAsync("/staff/live/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffClient.Anonymous(_host).Http.GetAsync($"/staff/live/{id}")).StatusCode);
    }

    /// <summary>A person on Web Chat who asked for a person and waits; the live chat's id.</summary>
    private async Task<(DirectLineTestClient Person, long Id)> PersonWaitingAsync()
    {
        var person = await DirectLineTestClient.StartAsync(_host.Http);
        await person.WaitForQuestionAsync();
        await person.ReplyAsync("nee");
        await person.ReplyAsync("Met een mens praten");
        await person.ReplyAsync("Ja, ik wacht");
        var staff = await StaffClient.SignedInAsync(_host, "responder");
        long id = 0;
        Assert.True(await Eventually.HoldsAsync(async () =>
        {
            var waiting = (await staff.GetJsonAsync("/staff/api/live")).EnumerateArray().Where(l => l.GetProperty("status").GetString() == "waiting").ToList();
            if (waiting.Count == 0) return false;
            id = waiting[0].GetProperty("id").GetInt64();
            return true;
        }));
        return (person, id);
    }

    private static async Task<List<JsonElement>> AuditAsync(StaffClient supervisor, string action) =>
        [.. (await supervisor.GetJsonAsync("/staff/api/audit")).EnumerateArray().Where(a => a.GetProperty("action").GetString() == action)];
}
