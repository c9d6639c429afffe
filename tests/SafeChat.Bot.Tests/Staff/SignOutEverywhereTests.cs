using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeChat.Bot.Storage;
using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.Staff;

/// <summary>"Sign out everywhere" ends every other session of the account at once, a copied cookie included; this one stays.</summary>
public class SignOutEverywhereTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    [Fact]
    public async Task The_api_ends_every_other_session_keeps_this_one_and_is_audited()
    {
        var staff = await StaffClient.SignedInAsync(fixture.Host, "responder");
        var other = staff.CopiedSession();
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/staff/api/queue")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsync("/staff/api/sessions/end-all")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/staff/api/queue")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.Http.GetAsync("/staff/api/queue")).StatusCode);
        await using var db = fixture.Host.Services.GetRequiredService<SafeChatDbFactory>().Create();
        Assert.Equal(1, await db.Audit.CountAsync(a => a.StaffId == staff.Account.Id && a.Action == "ended-all-sessions"));
    }

    [Fact]
    public async Task The_button_on_the_password_page_ends_every_other_session()
    {
        var staff = await StaffClient.SignedInAsync(fixture.Host, "supervisor");
        var other = staff.CopiedSession();

        var answer = await staff.PostFormAsync("/staff/password?handler=EndAll", "/staff/password");

        Assert.Contains("andere sessies zijn beëindigd", WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/staff")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.Http.GetAsync("/staff")).StatusCode);
    }

    [Fact]
    public async Task Without_the_csrf_header_nothing_ends()
    {
        var staff = await StaffClient.SignedInAsync(fixture.Host, "responder");
        var other = staff.CopiedSession();

        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsync("/staff/api/sessions/end-all", withCsrf: false)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/staff/api/queue")).StatusCode);
    }
}
