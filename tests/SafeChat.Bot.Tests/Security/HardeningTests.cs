using System.Net;
using System.Text.Json.Nodes;
using SafeChat.Bot.Tests.Support;
using static SafeChat.Bot.Tests.Support.DirectLineTestClient;

namespace SafeChat.Bot.Tests.Security;

/// <summary>Issue 13's findings on the public side, one test each: headers, the raw page, the secret, Twilio's form size.</summary>
public class HardeningTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private HttpClient Http => fixture.Host.Http;

    [Theory]
    [InlineData("/")]
    [InlineData("/chat.js")]
    [InlineData("/staff/sign-in")]
    [InlineData("/health/live")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        // Staff pages are reached over HTTPS (a TLS proxy): there HSTS comes too.
        var overTls = path.StartsWith("/staff", StringComparison.Ordinal);
        var response = await (overTls ? StaffClient.Anonymous(fixture.Host).Http : Http).GetAsync(path);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal(overTls, response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task The_page_template_is_never_served_raw()
    {
        var raw = await Http.GetAsync("/index.html");
        var page = await Http.GetStringAsync("/");

        Assert.Equal(HttpStatusCode.NotFound, raw.StatusCode);
        Assert.DoesNotContain("{{", page);
    }

    [Fact]
    public async Task A_reconnect_with_the_secret_gets_a_conversation_token_never_the_secret()
    {
        var chat = await StartAsync(Http);

        var reconnect = await Http.SendAsync(Request(HttpMethod.Get, $"/v3/directline/conversations/{chat.ConversationId}", SafeChatHost.Secret));
        var body = await ReadJson(reconnect);

        Assert.Equal(HttpStatusCode.OK, reconnect.StatusCode);
        Assert.NotEqual(SafeChatHost.Secret, body["token"]!.GetValue<string>());
        Assert.DoesNotContain(SafeChatHost.Secret, body["streamUrl"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("CHANGE-ME")]
    [InlineData("short-secret")]
    public async Task SafeChat_refuses_to_start_with_a_template_or_short_secret(string secret)
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            SafeChatHost.StartAsync(HostSettings.Sqlite() with { Extra = [$"--DirectLine:Secret={secret}"] }));

        Assert.Contains("DirectLine:Secret", failure.Message);
    }

    [Fact]
    public async Task A_huge_twilio_form_is_refused_before_it_is_read()
    {
        await using var twilio = await FakeTwilioApi.StartAsync();
        await using var host = await SafeChatHost.StartAsync(HostSettings.Sqlite() with { Extra = [.. TwilioPhone.HostArguments(twilio)] });
        var body = new string('a', 200_000);

        var response = await host.Http.PostAsync("/twilio/sms", new FormUrlEncodedContent([new("Body", body), new("From", "+31612345678")]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
