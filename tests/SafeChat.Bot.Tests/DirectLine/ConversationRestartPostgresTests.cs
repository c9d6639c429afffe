using System.Net;
using System.Text.Json.Nodes;
using SafeChat.Bot.Tests.Support;
using static SafeChat.Bot.Tests.Support.DirectLineTestClient;

namespace SafeChat.Bot.Tests.DirectLine;

/// <summary>
/// A page reloaded with the token it kept starts its conversation again. The conversation's row and first activity go in
/// one command that inserts nothing when it exists (a second start on PostgreSQL must not fail on the existing rows)
/// and queues no second greeting.
/// </summary>
public sealed class ConversationRestartPostgresTests
{
    [Fact]
    public async Task Starting_again_with_the_same_token_on_PostgreSQL_answers_200_and_greets_once()
    {
        await using var host = await SafeChatHost.StartAsync(HostSettings.Postgres(await PostgresServer.CreateDatabaseAsync()));
        var token = (await ReadJson(await host.Http.PostAsync("/webchat/token", null)))["token"]!.GetValue<string>();

        var first = await host.Http.SendAsync(Request(HttpMethod.Post, "/v3/directline/conversations", token, new JsonObject()));
        var chat = await StartWithTokenAsync(host.Http, token); // a second start already
        var greeting = await chat.WaitForQuestionAsync();
        var again = await host.Http.SendAsync(Request(HttpMethod.Post, "/v3/directline/conversations", token, new JsonObject()));
        await Task.Delay(500); // time for a second greeting, if one were queued

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(greeting.Activities.Count, (await chat.GetAsync()).Activities.Count);
    }
}
