using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SafeChat.Bot.Staff.Accounts;
using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.Staff;

/// <summary>A staff route mapped later without any authorization is closed by default; the public side stays open.</summary>
public class FallbackPolicyTests
{
    [Fact]
    public async Task A_new_staff_route_without_attributes_refuses_strangers_and_public_routes_stay_anonymous()
    {
        await using var host = await SafeChatHost.StartAsync(HostSettings.Sqlite(), endpoints: app =>
        {
            app.MapGet("/staff/api/forgotten", () => "case data");
            app.MapGet("/staff/forgotten", () => "case data");
            app.MapGet("/public-probe", () => "open");
        });
        var stranger = StaffClient.Anonymous(host).Http;

        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("/staff/api/forgotten")).StatusCode);
        var page = await stranger.GetAsync("/staff/forgotten");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/staff/sign-in", page.Headers.Location!.OriginalString);

        var staff = await StaffClient.SignedInAsync(host, "responder");
        Assert.Equal("case data", await staff.Http.GetStringAsync("/staff/api/forgotten"));

        // Outside /staff nothing changes: the chat page, health, a new public route, and an unknown path is still a 404.
        Assert.Equal("open", await stranger.GetStringAsync("/public-probe"));
        Assert.Equal(HttpStatusCode.OK, (await stranger.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await stranger.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await stranger.GetAsync("/staff.css")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync("/no-such-page")).StatusCode);
    }

    [Fact]
    public async Task A_session_still_on_its_one_time_password_cannot_use_a_new_staff_route()
    {
        await using var host = await SafeChatHost.StartAsync(HostSettings.Sqlite(), endpoints: app => app.MapGet("/staff/api/forgotten", () => "case data"));
        var account = await host.Services.GetRequiredService<StaffAccounts>().AddAsync($"new-{Guid.NewGuid():N}@gemeente.test", "admin");
        var half = StaffClient.Anonymous(host);
        await half.SignInAsync(account.Email, account.OneTimePassword, StaffClient.Code(account.TotpSecret));

        Assert.Equal(HttpStatusCode.Forbidden, (await half.Http.GetAsync("/staff/api/forgotten")).StatusCode);
    }
}
