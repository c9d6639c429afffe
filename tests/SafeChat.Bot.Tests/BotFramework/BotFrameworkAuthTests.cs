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

    private string? Token(string wrong) => wrong switch
        {
            "none" => null,
            "unknown key" => Issuer.ChannelToken(AppId, ServiceUrl, key: FakeBotFrameworkIssuer.NewKey(FakeBotFrameworkIssuer.ChannelKeyId)),
            "expired" => Issuer.ChannelToken(AppId, ServiceUrl, expires: DateTime.UtcNow.AddMinutes(-10)),
            "wrong audience" => Issuer.ChannelToken("another-bot", ServiceUrl),
            "wrong issuer" => Issuer.ChannelToken(AppId, ServiceUrl, issuer: "https://sts.windows.net/evil/"),
            "other service URL" => Issuer.ChannelToken(AppId, "https://attacker.example/"),
            "key not endorsed for the channel" => Issuer.ChannelToken(AppId, ServiceUrl, key: Issuer.SkypeOnlyKey),
            "right" => Issuer.ChannelToken(AppId, ServiceUrl),
            "expired within the skew" => Issuer.ChannelToken(AppId, ServiceUrl, expires: DateTime.UtcNow.AddMinutes(-2)),
            _ => "not.a.jwt",
        };

    [Theory]
    [MemberData(nameof(WrongTokens))]
    public async Task A_wrong_token_gets_401_and_nothing_is_stored(string wrong)
    {
        var before = await StoredAsync();
        var token = Token(wrong);

        var response = await PostAsync(Activity("a-" + wrong.Replace(' ', '-'), "c-" + wrong.Replace(' ', '-')), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await Task.Delay(200);
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task SafeChat_accepts_exactly_the_tokens_microsofts_own_botframework_connector_accepts()
    {
        string[] cases = ["right", "expired within the skew", "unknown key", "expired", "wrong audience", "wrong issuer", "other service URL", "key not endorsed for the channel", "not a JWT"];
        var tokens = cases.Select(Token).ToList();
        var input = System.Text.Json.JsonSerializer.Serialize(tokens.Select(t => new { token = t, serviceUrl = ServiceUrl, channelId = "msteams" }));
        var start = new System.Diagnostics.ProcessStartInfo("node", [Path.Combine(RepositoryPaths.Root, "tests", "botframework-channel", "validate.mjs"), Issuer.MetadataUrl, AppId])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.Combine(RepositoryPaths.Root, "tests"),
        };
        using var node = System.Diagnostics.Process.Start(start)!;
        await node.StandardInput.WriteAsync(input);
        node.StandardInput.Close();
        var output = await node.StandardOutput.ReadToEndAsync();
        await node.WaitForExitAsync();
        Assert.True(node.ExitCode == 0, await node.StandardError.ReadToEndAsync());
        var botbuilder = System.Text.Json.JsonSerializer.Deserialize<bool[]>(output)!;

        var safechat = new List<bool>();
        for (var i = 0; i < cases.Length; i++)
            safechat.Add((await PostAsync(Activity($"oracle-{i}", $"oracle-{i}"), tokens[i])).StatusCode == HttpStatusCode.OK);

        Assert.Equal(cases.Zip(botbuilder, (c, v) => $"{c}: {v}"), cases.Zip(safechat, (c, v) => $"{c}: {v}"));
        Assert.Equal([true, true], botbuilder.Take(2)); // the oracle accepts something: it is not refusing everything
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
