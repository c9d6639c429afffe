using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.BotFramework;

/// <summary>
/// A sovereign cloud (here US Government's values) is settings, not code: the channel's issuer decides which tokens
/// pass, and SafeChat asks for its own token for the cloud's connector.
/// </summary>
public sealed class SovereignCloudTests : BotFrameworkHostTests
{
    private const string UsIssuer = "https://api.botframework.us";
    private readonly ConcurrentQueue<string> _replies = new();
    private WebApplication _connector = null!;
    private string _serviceUrl = "";

    protected override IEnumerable<string> Settings =>
        [$"--BotFramework:ChannelIssuer={UsIssuer}", "--BotFramework:ConnectorScope=https://api.botframework.us/.default", "--BotFramework:AuthorityHost=https://login.microsoftonline.us"];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        (_connector, _serviceUrl) = await LoopbackServer.StartAsync(app => app.MapPost("/v3/conversations/{id}/activities/{replyTo}", (string id) =>
        {
            _replies.Enqueue(id);
            return Results.Json(new { id = "r" });
        }));
    }

    public override async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await base.DisposeAsync();
    }

    private async Task<HttpStatusCode> PostAsync(string issuer, string conversation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = JsonContent.Create(new
            {
                type = "message", id = conversation, channelId = "msteams", serviceUrl = _serviceUrl, text = "hoi",
                conversation = new { id = conversation }, from = new { id = "person" }, recipient = new { id = AppId },
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Issuer.ChannelToken(AppId, _serviceUrl, issuer: issuer));
        return (await Host.Http.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task Tokens_of_the_configured_cloud_pass_the_public_clouds_do_not_and_replies_use_the_clouds_scope()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(FakeBotFrameworkIssuer.ChannelIssuer, "public-cloud"));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(UsIssuer, "us-cloud"));

        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(_replies.Contains("us-cloud")), TimeSpan.FromSeconds(20)));
        Assert.All(Issuer.TokenRequests, r => Assert.Equal("https://api.botframework.us/.default", r.Scope));
    }
}
