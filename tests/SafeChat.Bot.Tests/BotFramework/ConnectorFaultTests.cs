using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeChat.Bot.Storage;
using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.BotFramework;

/// <summary>
/// The channel's connector at the edge of the world, answering as a real one can: 503 for a while (the reply still
/// arrives, once), or 403 because the bot was removed (the reply is given up at once, not retried for ever).
/// </summary>
public sealed class ConnectorFaultTests : BotFrameworkHostTests
{
    private readonly ConcurrentDictionary<string, int> _posts = new();
    private readonly ConcurrentDictionary<string, Queue<int>> _answers = new();
    private WebApplication _connector = null!;
    private string _serviceUrl = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        (_connector, _serviceUrl) = await LoopbackServer.StartAsync(app => app.MapPost("/v3/conversations/{id}/activities/{replyTo}", (string id) =>
        {
            _posts.AddOrUpdate(id, 1, (_, n) => n + 1);
            var answers = _answers.GetOrAdd(id, _ => new Queue<int>());
            lock (answers) return Results.Json(new { id = Guid.NewGuid().ToString() }, statusCode: answers.Count > 0 ? answers.Dequeue() : 200);
        }));
    }

    public override async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await base.DisposeAsync();
    }

    private async Task SayAsync(string conversation, string text)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = JsonContent.Create(new
            {
                type = "message", id = Guid.NewGuid().ToString(), channelId = "telegram", serviceUrl = _serviceUrl, text,
                conversation = new { id = conversation }, from = new { id = "person" }, recipient = new { id = AppId },
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Issuer.ChannelToken(AppId, _serviceUrl));
        Assert.Equal(HttpStatusCode.OK, (await Host.Http.SendAsync(request)).StatusCode);
    }

    private async Task<List<string>> StatusesAsync()
    {
        await using var db = Host.Services.GetRequiredService<SafeChatDbFactory>().Create();
        return await db.ConnectorOutbox.OrderBy(o => o.Id).Select(o => o.Status).ToListAsync();
    }

    [Fact]
    public async Task A_connector_that_is_down_for_a_while_still_gets_every_reply_once()
    {
        _answers["down-a-while"] = new Queue<int>([503, 503]);
        await SayAsync("down-a-while", "er loopt een man achter me aan");

        Assert.True(await Eventually.HoldsAsync(async () => (await StatusesAsync()) is { Count: > 0 } s && s.All(x => x == OutboxStatuses.Sent), TimeSpan.FromSeconds(30)),
            string.Join(", ", await StatusesAsync()));
        var replies = (await StatusesAsync()).Count;
        Assert.Equal(replies + 2, _posts["down-a-while"]); // two refused tries, then each reply once
    }

    [Fact]
    public async Task A_bot_removed_from_the_chat_403_is_given_up_at_once()
    {
        _answers["removed"] = new Queue<int>(Enumerable.Repeat(403, 50));
        await SayAsync("removed", "hoi");

        Assert.True(await Eventually.HoldsAsync(async () => (await StatusesAsync()) is { Count: > 0 } s && s.All(x => x == OutboxStatuses.Failed), TimeSpan.FromSeconds(30)),
            string.Join(", ", await StatusesAsync()));
        Assert.Equal((await StatusesAsync()).Count, _posts["removed"]); // one try each, no retries
    }
}
