using System.Net;
using System.Text.Json.Nodes;
using SafeChat.Bot.Tests.Support;
using static SafeChat.Bot.Tests.Support.DirectLineTestClient;

namespace SafeChat.Bot.Tests.Security;

/// <summary>
/// The public chat under a flood from one address: past the limits, 429 with Retry-After in Direct Line's error shape;
/// another person's danger message still gets 112.
/// </summary>
public sealed class PublicChatLimitsTests : IAsyncLifetime
{
    private SafeChatHost _host = null!;

    public async Task InitializeAsync() => _host = await SafeChatHost.StartAsync(HostSettings.Sqlite() with
    {
        Extra = ["--RateLimits:StartsPerMinutePerAddress=10", "--RateLimits:PostsPerMinutePerConversation=8", "--RateLimits:SignInsPerMinutePerAddress=6"],
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Too_many_new_tokens_from_one_address_get_429_with_retry_after_in_direct_lines_error_shape()
    {
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 15; i++) responses.Add(await _host.Http.PostAsync("/webchat/token", null));

        Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var refused = responses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var error = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal("TooManyRequests", error["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_flooded_conversation_is_slowed_and_another_persons_danger_message_still_gets_112()
    {
        var flooder = await StartWithSecretAsync();
        var person = await StartWithSecretAsync();
        await flooder.WaitForQuestionAsync();
        await person.WaitForQuestionAsync();

        var flood = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => flooder.PostAsync(new JsonObject { ["type"] = "message", ["text"] = $"spam {i}" })));
        await person.SayAsync("help er loopt een man achter me aan");
        var replies = await person.WaitForAsync(set => set.FromBot.Any(a => ActivitySet.Text(a).Contains("112")));

        Assert.Contains(flood, r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.True(flood.Count(r => r.IsSuccessStatusCode) <= 8);
        Assert.Contains(replies.FromBot, a => ActivitySet.Text(a).Contains("112"));
    }

    [Fact]
    public async Task Guessing_staff_passwords_from_one_address_is_slowed_before_any_account_locks()
    {
        var guesser = StaffClient.Anonymous(_host);
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 9; i++) answers.Add(await guesser.SignInAsync($"someone-{i}@gemeente.test", "een gok van een wachtwoord", "123456"));

        Assert.Equal(6, answers.Count(r => r.StatusCode == HttpStatusCode.OK)); // the form again: wrong
        Assert.Contains(answers, r => r.StatusCode == HttpStatusCode.TooManyRequests && r.Headers.RetryAfter is not null);
    }

    /// <summary>Both visitors start through a trusted server here, so the start limit does not get in the way of this test.</summary>
    private async Task<DirectLineTestClient> StartWithSecretAsync()
    {
        var generated = await ReadJson(await _host.Http.SendAsync(Request(HttpMethod.Post, "/v3/directline/tokens/generate", SafeChatHost.Secret, new JsonObject())));
        return await StartWithTokenAsync(_host.Http, generated["token"]!.GetValue<string>());
    }
}
