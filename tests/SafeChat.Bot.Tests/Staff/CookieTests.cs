using System.Net;
using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.Staff;

/// <summary>Staff cookies behind a TLS proxy: Secure and <c>__Host-</c> whatever scheme the proxy speaks to SafeChat.</summary>
public class CookieTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    [Fact]
    public async Task Outside_development_the_session_and_csrf_cookies_are_host_only_secure_and_http_only()
    {
        var staff = await StaffClient.SignedInAsync(fixture.Host, "responder");

        var cookies = staff.Cookies.GetAllCookies().ToList();
        var session = Assert.Single(cookies, c => c.Name == "__Host-safechat-staff");
        Assert.Contains(cookies, c => c.Name == "__Host-safechat-staff-csrf" && c.Secure && c.Path == "/");
        Assert.True(session.Secure);
        Assert.True(session.HttpOnly);
        Assert.Equal("/", session.Path);
    }

    [Theory]
    [InlineData("GET", "/staff/sign-in")]
    [InlineData("POST", "/staff/sign-in")]
    [InlineData("GET", "/staff/api/queue")]
    public async Task Staff_pages_over_plain_http_redirect_to_https_and_set_no_cookie(string method, string path)
    {
        // No TLS proxy in between: plain HTTP straight to SafeChat, as a misconfigured deployment would let through.
        using var direct = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = fixture.Host.BaseUrl };

        var response = await direct.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal(Uri.UriSchemeHttps, response.Headers.Location?.Scheme);
        Assert.Equal(path, response.Headers.Location?.AbsolutePath);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task In_development_over_plain_http_the_cookies_work_without_Secure()
    {
        await using var host = await SafeChatHost.StartAsync(HostSettings.Sqlite() with { Extra = ["--environment", "Development"] });

        var staff = await StaffClient.SignedInAsync(host, "responder");

        Assert.Contains(staff.Cookies.GetAllCookies(), c => c.Name == "safechat-staff" && c.Path == "/staff");
        Assert.Equal(HttpStatusCode.OK, (await staff.Http.GetAsync("/staff/api/queue")).StatusCode);
    }
}
