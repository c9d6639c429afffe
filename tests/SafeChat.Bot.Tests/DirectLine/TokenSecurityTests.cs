using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SafeChat.Bot.Channels.DirectLine;
using SafeChat.Bot.Tests.Support;
using static SafeChat.Bot.Tests.Support.DirectLineTestClient;

namespace SafeChat.Bot.Tests.DirectLine;

public class TokenSecurityTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private HttpClient Http => fixture.Host.Http;
    private static readonly JsonObject Hello = new() { ["type"] = "message", ["text"] = "hoi" };

    private async Task<HttpStatusCode> PostWith(DirectLineTestClient chat, string? token) =>
        (await chat.PostAsync(Hello.DeepClone(), token ?? "")).StatusCode;

    [Fact]
    public async Task Refresh_gives_a_new_working_token_for_the_same_conversation()
    {
        var chat = await StartAsync(Http);
        await Task.Delay(1100); // a different issue time, so a different token

        var refreshed = await ReadJson(await Http.SendAsync(Request(HttpMethod.Post, "/v3/directline/tokens/refresh", chat.Token)));

        Assert.Equal(chat.ConversationId, refreshed["conversationId"]!.GetValue<string>());
        Assert.NotEqual(chat.Token, refreshed["token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, await PostWith(chat, refreshed["token"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_token_for_another_conversation_is_refused_everywhere()
    {
        var mine = await StartAsync(Http);
        var theirs = await StartAsync(Http);

        Assert.Equal(HttpStatusCode.Forbidden, (await mine.PostAsync(Hello.DeepClone(), theirs.Token)).StatusCode);
        var read = await Http.SendAsync(Request(HttpMethod.Get, $"/v3/directline/conversations/{mine.ConversationId}/activities", theirs.Token));
        var reconnect = await Http.SendAsync(Request(HttpMethod.Get, $"/v3/directline/conversations/{mine.ConversationId}", theirs.Token));
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reconnect.StatusCode);
    }

    [Fact]
    public async Task Forged_and_foreign_tokens_are_refused_and_a_missing_one_is_401()
    {
        var chat = await StartAsync(Http);
        var parts = chat.Token.Split('.');
        var tampered = $"{parts[0]}.{parts[1]}.{(parts[2][0] == 'A' ? 'B' : 'A')}{parts[2][1..]}";
        var otherKey = new DirectLineTokens(new byte[32], TimeSpan.FromHours(1), TimeProvider.System).Issue(chat.ConversationId, "dl_x");

        Assert.Equal(HttpStatusCode.Forbidden, await PostWith(chat, tampered));
        Assert.Equal(HttpStatusCode.Forbidden, await PostWith(chat, otherKey));
        Assert.Equal(HttpStatusCode.Forbidden, await PostWith(chat, "not-a-token"));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostWith(chat, null));
    }

    [Fact]
    public async Task An_expired_token_gets_403_token_expired()
    {
        var chat = await StartAsync(Http);
        var past = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-3));
        var expired = new DirectLineTokens(Convert.FromBase64String(SafeChatHost.SigningKey), TimeSpan.FromHours(1), past)
            .Issue(chat.ConversationId, "dl_x");

        var response = await chat.PostAsync(Hello.DeepClone(), expired);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("TokenExpired", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_token_remembered_as_valid_is_refused_once_it_expires_and_a_forged_copy_never_passes()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var tokens = new DirectLineTokens(Convert.FromBase64String(SafeChatHost.SigningKey), TimeSpan.FromHours(1), clock);
        var token = tokens.Issue("conversation-1", "dl_x");

        Assert.Equal(TokenStatus.Valid, (await tokens.CheckAsync(token)).Status);
        Assert.Equal(TokenStatus.Valid, (await tokens.CheckAsync(token)).Status); // from memory
        Assert.Equal(TokenStatus.Invalid, (await tokens.CheckAsync(token[..^2] + (token[^2] == 'A' ? "BB" : "AA"))).Status);
        clock.Advance(TimeSpan.FromMinutes(62));
        Assert.Equal(TokenStatus.Expired, (await tokens.CheckAsync(token)).Status);
    }

    [Fact]
    public async Task Reconnecting_returns_a_fresh_token_and_a_stream_url_from_the_watermark()
    {
        var chat = await StartAsync(Http);
        var set = await chat.WaitForQuestionAsync();

        var reconnect = await ReadJson(await Http.SendAsync(
            Request(HttpMethod.Get, $"/v3/directline/conversations/{chat.ConversationId}?watermark={set.Watermark}", chat.Token)));

        Assert.Equal(chat.ConversationId, reconnect["conversationId"]!.GetValue<string>());
        Assert.EndsWith($"&watermark={set.Watermark}", reconnect["streamUrl"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(reconnect["token"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_unknown_conversation_is_404_for_a_secret_holder()
    {
        var response = await Http.SendAsync(Request(HttpMethod.Get, "/v3/directline/conversations/nope/activities", SafeChatHost.Secret));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
