using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeChat.Bot.Staff.Administration;
using SafeChat.Bot.Storage;
using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.Staff;

/// <summary>Admins disable, re-enable, reset and change roles, through the API and the page; every change ends the target's
/// sessions and is audited; nobody else can; an admin cannot lock themself out.</summary>
public class AdministrationTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private SafeChatHost Host => fixture.Host;

    private static string Account(StaffClient staff, string action) => $"/staff/api/admin/accounts/{staff.Account.Id}/{action}";

    private async Task<HttpResponseMessage> SignInAgainAsync(StaffClient staff, string? password = null, string? code = null) =>
        await StaffClient.Anonymous(Host).SignInAsync(staff.Account.Email, password ?? StaffClient.NewPassword,
            code ?? StaffClient.NextCode(Host, staff.Account.TotpSecret));

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_and_its_live_session_ends_at_the_next_request()
    {
        var admin = await StaffClient.SignedInAsync(Host, "admin");
        var responder = await StaffClient.SignedInAsync(Host, "responder");
        Assert.Equal(HttpStatusCode.OK, (await responder.Http.GetAsync("/staff/api/queue")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync(Account(responder, "disable"))).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await responder.Http.GetAsync("/staff/api/queue")).StatusCode);
        var again = await SignInAgainAsync(responder);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode); // the form again, not a redirect into the app
        Assert.Contains("klopt niet", await StaffClient.ErrorAsync(again));
        var listed = (await admin.GetJsonAsync("/staff/api/admin/accounts")).EnumerateArray().Single(a => a.GetProperty("id").GetInt64() == responder.Account.Id);
        Assert.True(listed.GetProperty("disabled").GetBoolean());
    }

    [Fact]
    public async Task A_re_enabled_account_signs_in_again_but_its_old_sessions_stay_ended()
    {
        var admin = await StaffClient.SignedInAsync(Host, "admin");
        var responder = await StaffClient.SignedInAsync(Host, "responder");
        var copied = responder.CopiedSession(); // not used while disabled: re-enabling must not revive it

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync(Account(responder, "disable"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync(Account(responder, "enable"))).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await copied.GetAsync("/staff/api/queue")).StatusCode);
        var again = await SignInAgainAsync(responder);
        Assert.Equal("/staff", again.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_password_reset_gives_a_working_one_time_password_and_the_old_password_stops_working()
    {
        var admin = await StaffClient.SignedInAsync(Host, "admin");
        var responder = await StaffClient.SignedInAsync(Host, "responder");

        var reset = await admin.PostAsync(Account(responder, "reset-password"));
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var issued = (await reset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("oneTimePassword").GetString()!;

        Assert.Equal(HttpStatusCode.Unauthorized, (await responder.Http.GetAsync("/staff/api/queue")).StatusCode);
        Assert.Contains("klopt niet", await StaffClient.ErrorAsync(await SignInAgainAsync(responder)));
        var fresh = StaffClient.Anonymous(Host);
        var signedIn = await fresh.SignInAsync(responder.Account.Email, issued, StaffClient.NextCode(Host, responder.Account.TotpSecret));
        Assert.Equal("/staff/password", signedIn.Headers.Location?.OriginalString); // works once, to choose a new one
        Assert.Equal("/staff", (await fresh.ChangePasswordAsync("weer een nieuw lang wachtwoord")).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_totp_reset_makes_old_codes_fail_and_the_new_secret_work()
    {
        var admin = await StaffClient.SignedInAsync(Host, "admin");
        var responder = await StaffClient.SignedInAsync(Host, "responder");

        var reset = await admin.PostAsync(Account(responder, "reset-totp"));
        var body = await reset.Content.ReadFromJsonAsync<JsonElement>();
        var secret = body.GetProperty("totpSecret").GetString()!;
        Assert.StartsWith("otpauth://totp/SafeChat:", body.GetProperty("otpAuthUri").GetString());
        Assert.Contains($"secret={secret}", body.GetProperty("otpAuthUri").GetString());

        Assert.Equal(HttpStatusCode.Unauthorized, (await responder.Http.GetAsync("/staff/api/queue")).StatusCode);
        Assert.Contains("klopt niet", await StaffClient.ErrorAsync(await SignInAgainAsync(responder)));
        var withNew = await SignInAgainAsync(responder, code: StaffClient.NextCode(Host, secret));
        Assert.Equal("/staff", withNew.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_role_change_takes_effect_and_ends_the_old_sessions()
    {
        var admin = await StaffClient.SignedInAsync(Host, "admin");
        var responder = await StaffClient.SignedInAsync(Host, "responder");
        Assert.Equal(HttpStatusCode.Forbidden, (await responder.Http.GetAsync("/staff/api/hotspots")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync(Account(responder, "role"), new { role = "supervisor" })).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await responder.Http.GetAsync("/staff/api/queue")).StatusCode);
        var promoted = StaffClient.Anonymous(Host);
        await promoted.SignInAsync(responder.Account.Email, StaffClient.NewPassword, StaffClient.NextCode(Host, responder.Account.TotpSecret));
        Assert.Equal(HttpStatusCode.OK, (await promoted.Http.GetAsync("/staff/api/hotspots")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync(Account(responder, "role"), new { role = "owner" })).StatusCode);
    }

    [Fact]
    public async Task An_admin_cannot_disable_or_demote_themself()
    {
        var admin = await StaffClient.SignedInAsync(Host, "admin");

        var disable = await admin.PostAsync(Account(admin, "disable"));
        var demote = await admin.PostAsync(Account(admin, "role"), new { role = "responder" });

        Assert.Equal(HttpStatusCode.Conflict, disable.StatusCode);
        Assert.Contains("eigen account", (await disable.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.Conflict, demote.StatusCode);
        Assert.Contains("eigen rol", (await demote.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync("/staff/api/admin/accounts")).StatusCode); // still an admin, still in
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/staff/api/admin/accounts/999999/disable")).StatusCode);
    }

    [Fact]
    public async Task Non_admins_get_403_on_every_admin_page_and_api_route()
    {
        var routes = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Pattern: e.RoutePattern.RawText!.TrimStart('/'), Methods: e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"]))
            .Where(e => e.Pattern.StartsWith("staff/api/admin", StringComparison.Ordinal) || e.Pattern.StartsWith("staff/admin", StringComparison.Ordinal))
            .SelectMany(e => e.Methods.Select(m => (Method: m, Path: "/" + System.Text.RegularExpressions.Regex.Replace(e.Pattern, @"\{[^}]+\}", "1"))))
            .Distinct().ToList();
        Assert.True(routes.Count >= 7, $"only {routes.Count} admin routes found");

        foreach (var role in new[] { "responder", "supervisor" })
        {
            var staff = await StaffClient.SignedInAsync(Host, role);
            foreach (var (method, path) in routes)
            {
                var response = await staff.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
                    { Content = new StringContent("{\"role\":\"admin\"}", System.Text.Encoding.UTF8, "application/json") });
                var forbidden = response.StatusCode == HttpStatusCode.Forbidden
                                || response.Headers.Location?.OriginalString.Contains("/staff/denied") == true;
                Assert.True(forbidden, $"{method} {path} answered {(int)response.StatusCode} to a {role}");
            }
        }
        var admin = await StaffClient.SignedInAsync(Host, "admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync("/staff/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync("/staff/api/admin/accounts")).StatusCode);
    }

    [Fact]
    public async Task The_page_shows_a_new_password_once_and_disables_an_account()
    {
        var admin = await StaffClient.SignedInAsync(Host, "admin");
        var responder = await StaffClient.SignedInAsync(Host, "responder");
        var page = await admin.Http.GetStringAsync("/staff/admin");
        Assert.Contains(responder.Account.Email, page);

        var reset = await admin.PostFormAsync($"/staff/admin?handler=ResetPassword&id={responder.Account.Id}", "/staff/admin");
        var shown = System.Text.RegularExpressions.Regex.Match(await reset.Content.ReadAsStringAsync(), "<code class=\"secret\">([^<]+)</code>").Groups[1].Value;
        Assert.NotEmpty(shown);
        Assert.DoesNotContain(shown, await admin.Http.GetStringAsync("/staff/admin")); // once
        var signedIn = await StaffClient.Anonymous(Host).SignInAsync(responder.Account.Email, System.Net.WebUtility.HtmlDecode(shown),
            StaffClient.NextCode(Host, responder.Account.TotpSecret));
        Assert.Equal("/staff/password", signedIn.Headers.Location?.OriginalString);

        var disabled = await admin.PostFormAsync($"/staff/admin?handler=Disable&id={responder.Account.Id}", "/staff/admin");
        Assert.Contains("uitgeschakeld", await disabled.Content.ReadAsStringAsync());
        await using var db = Host.Services.GetRequiredService<SafeChatDbFactory>().Create();
        Assert.True((await db.StaffUsers.SingleAsync(u => u.Id == responder.Account.Id)).Disabled);
    }

    [Fact]
    public async Task Every_admin_action_is_audited_with_the_admin_and_the_target_account()
    {
        var admin = await StaffClient.SignedInAsync(Host, "admin");
        var responder = await StaffClient.SignedInAsync(Host, "responder");
        foreach (var action in new[] { "disable", "enable", "reset-password", "reset-totp" })
            Assert.True((await admin.PostAsync(Account(responder, action))).IsSuccessStatusCode, action);
        Assert.True((await admin.PostAsync(Account(responder, "role"), new { role = "supervisor" })).IsSuccessStatusCode);

        await using var db = Host.Services.GetRequiredService<SafeChatDbFactory>().Create();
        var target = $"account {responder.Account.Id}";
        var entries = await db.Audit.AsNoTracking().Where(a => a.StaffId == admin.Account.Id && (a.Detail == target || a.Detail!.StartsWith(target + ":"))).ToListAsync();
        Assert.Equal(["disabled-account", "enabled-account", "reset-password", "reset-totp", "changed-role"], entries.OrderBy(a => a.Id).Select(a => a.Action));
        Assert.Contains(entries, a => a.Detail == $"{target}: responder → supervisor");
    }

    [Fact]
    public async Task The_disable_and_enable_commands_act_on_an_account_by_e_mail()
    {
        var responder = await StaffClient.SignedInAsync(Host, "responder");
        var output = new StringWriter();

        Assert.Equal(0, await StaffEnableCommand.RunAsync(enable: false, ["--email", responder.Account.Email], Host.Services, output));
        Assert.Equal(HttpStatusCode.Unauthorized, (await responder.Http.GetAsync("/staff/api/queue")).StatusCode);
        Assert.Equal(0, await StaffEnableCommand.RunAsync(enable: true, ["--email", responder.Account.Email.ToUpperInvariant()], Host.Services, output));
        Assert.Equal("/staff", (await SignInAgainAsync(responder)).Headers.Location?.OriginalString);
        Assert.Equal(1, await StaffEnableCommand.RunAsync(enable: false, ["--email", "nobody@gemeente.test"], Host.Services, output));

        await using var db = Host.Services.GetRequiredService<SafeChatDbFactory>().Create();
        var target = $"account {responder.Account.Id}";
        Assert.Equal(2, await db.Audit.CountAsync(a => a.StaffId == null && a.Detail == target));
    }
}
