using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeChat.Bot.Storage;
using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.BotFramework;

/// <summary>
/// /api/messages admits only the Bot Framework channel: every way a token can be wrong gets 401 and nothing is stored;
/// a channel's retry of the same activity is stored once; a body that is not an activity gets 400.
/// </summary>
public sealed class BotFrameworkAuthTests : BotFrameworkHostTests
{
    private const string ServiceUrl = "http://127.0.0.1:9/"; // nothing listens: replies are not what these tests look at

    private static object Activity(string id, string conversation, string channelId = "msteams", string serviceUrl = ServiceUrl) => new
    {
        type = "message", id, channelId, serviceUrl, text = "hallo",
        conversation = new { id = conversation }, from = new { id = "user-1" }, recipient = new { id = AppId },
    };

    private async Task<HttpResponseMessage> PostAsync(object activity, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Host.Http.SendAsync(request);
    }

    private async Task<int> StoredAsync()
    {
        await using var db = Host.Services.GetRequiredService<SafeChatDbFactory>().Create();
        return await db.Activities.CountAsync() + await db.Conversations.CountAsync();
    }

    public static TheoryData<string> WrongTokens => ["none", "unknown key", "expired", "wrong audience", "wrong issuer", "other service URL", "key not endorsed for the channel", "not a JWT"];

    [Theory]
    [MemberData(nameof(WrongTokens))]
    public async Task A_wrong_token_gets_401_and_nothing_is_stored(string wrong)
    {
        var before = await StoredAsync();
        var token = wrong switch
        {
            "none" => null,
            "unknown key" => Issuer.ChannelToken(AppId, ServiceUrl, key: FakeBotFrameworkIssuer.NewKey(FakeBotFrameworkIssuer.ChannelKeyId)),
            "expired" => Issuer.ChannelToken(AppId, ServiceUrl, expires: DateTime.UtcNow.AddMinutes(-10)),
            "wrong audience" => Issuer.ChannelToken("another-bot", ServiceUrl),
            "wrong issuer" => Issuer.ChannelToken(AppId, ServiceUrl, issuer: "https://sts.windows.net/evil/"),
            "other service URL" => Issuer.ChannelToken(AppId, "https://attacker.example/"),
            "key not endorsed for the channel" => Issuer.ChannelToken(AppId, ServiceUrl, key: Issuer.SkypeOnlyKey),
            _ => "not.a.jwt",
        };

        var response = await PostAsync(Activity("a-" + wrong.Replace(' ', '-'), "c-" + wrong.Replace(' ', '-')), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await Task.Delay(200);
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task A_right_token_is_accepted_and_a_retried_activity_is_stored_once()
    {
        var token = Issuer.ChannelToken(AppId, ServiceUrl);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Activity("same-id", "retry-conversation"), token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Activity("same-id", "retry-conversation"), token)).StatusCode);

        await using var db = Host.Services.GetRequiredService<SafeChatDbFactory>().Create();
        var fromPerson = await db.Activities.Where(a => a.ConversationId.StartsWith("bf-") && a.FromUser).CountAsync();
        Assert.Equal(1, fromPerson);
        var stored = await db.Conversations.Where(c => c.Id.StartsWith("bf-")).Select(c => c.ChannelAddressProtected).SingleAsync();
        Assert.DoesNotContain("retry-conversation", stored); // the channel's ids are kept encrypted
    }

    [Fact]
    public async Task A_key_the_channel_rolled_over_to_is_read_at_once()
    {
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Activity("before-rollover", "rollover-1"), Issuer.ChannelToken(AppId, ServiceUrl))).StatusCode);
        var rolled = Issuer.RollOver();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Activity("after-rollover", "rollover-2"), Issuer.ChannelToken(AppId, ServiceUrl, key: rolled))).StatusCode);
    }

    [Fact]
    public async Task A_body_that_is_not_an_activity_gets_400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent("{\"type\": \"message\", ", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Issuer.ChannelToken(AppId, ServiceUrl));
        Assert.Equal(HttpStatusCode.BadRequest, (await Host.Http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Without_an_app_id_the_endpoint_is_not_there()
    {
        await using var plain = await SafeChatHost.StartAsync(HostSettings.Sqlite());
        var response = await plain.Http.PostAsJsonAsync("/api/messages", Activity("x", "y"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
