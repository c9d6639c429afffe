using System.Net;
using System.Text.Json.Nodes;
using SafeChat.Bot.Tests.Support;
using static SafeChat.Bot.Tests.Support.DirectLineTestClient;

namespace SafeChat.Bot.Tests.DirectLine;

public class ConversationStartTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private HttpClient Http => fixture.Host.Http;

    [Fact]
    public async Task Starting_answers_201_with_id_token_expiry_and_an_absolute_stream_url_then_200_when_repeated()
    {
        var issued = await ReadJson(await Http.PostAsync("/webchat/token", null));
        var token = issued["token"]!.GetValue<string>();

        var first = await Http.SendAsync(Request(HttpMethod.Post, "/v3/directline/conversations", token, new JsonObject()));
        var again = await Http.SendAsync(Request(HttpMethod.Post, "/v3/directline/conversations", token, new JsonObject()));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var body = await ReadJson(first);
        Assert.Equal(issued["conversationId"]!.GetValue<string>(), body["conversationId"]!.GetValue<string>());
        Assert.True(body["expires_in"]!.GetValue<int>() >= 1800, "tokens must outlive DirectLineJS's 15-minute refresh");
        Assert.StartsWith($"ws://{fixture.Host.BaseUrl.Authority}/v3/directline/conversations/", body["streamUrl"]!.GetValue<string>());
        Assert.Contains("?t=", body["streamUrl"]!.GetValue<string>());
        Assert.False(first.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task The_page_token_is_a_jwt_whose_user_claim_pins_the_user_id()
    {
        var issued = await ReadJson(await Http.PostAsync("/webchat/token", null));
        var payload = issued["token"]!.GetValue<string>().Split('.')[1];
        var claims = JsonNode.Parse(Convert.FromBase64String(payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=').Replace('-', '+').Replace('_', '/')))!;

        Assert.StartsWith("dl_", claims["user"]!.GetValue<string>());
        Assert.Equal(issued["conversationId"]!.GetValue<string>(), claims["conv"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_bot_greets_first_and_the_conversation_update_is_never_shown_to_the_client()
    {
        var chat = await StartAsync(Http);

        var set = await chat.WaitForQuestionAsync();

        Assert.All(set.Activities, a => Assert.NotEqual("conversationUpdate", a.GetProperty("type").GetString()));
        Assert.Contains("automatische assistent", ActivitySet.Text(set.FromBot[0]));
        Assert.Equal(["Ja", "Nee"], ActivitySet.Choices(set.FromBot[^1]));
    }

    [Fact]
    public async Task English_start_locale_gives_an_English_greeting()
    {
        var chat = await StartAsync(Http, "en-US");

        var set = await chat.WaitForQuestionAsync();

        Assert.Contains("automated assistant", ActivitySet.Text(set.FromBot[0]));
    }

    [Fact]
    public async Task Activities_carry_direct_line_ids_and_utc_millisecond_timestamps_in_order()
    {
        var chat = await StartAsync(Http);
        await chat.WaitForQuestionAsync();

        var set = await chat.AnswerAsync("nee");

        var stamps = set.Activities.Select(a => a.GetProperty("timestamp").GetString()!).ToList();
        Assert.All(stamps, s => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", s));
        Assert.Equal(stamps.Order(StringComparer.Ordinal), stamps);
        Assert.All(set.Activities, a => Assert.Matches($@"^{System.Text.RegularExpressions.Regex.Escape(chat.ConversationId)}\|\d{{7}}$", a.GetProperty("id").GetString()!));
        Assert.All(set.FromBot, a => Assert.Equal("bot", a.GetProperty("from").GetProperty("role").GetString()));
    }

    [Fact]
    public async Task Secret_holders_can_generate_tokens_and_start_conversations_but_token_holders_cannot_generate()
    {
        var withSecret = await Http.SendAsync(Request(HttpMethod.Post, "/v3/directline/tokens/generate", SafeChatHost.Secret, new JsonObject()));
        var generated = await ReadJson(withSecret);
        var started = await Http.SendAsync(Request(HttpMethod.Post, "/v3/directline/conversations", generated["token"]!.GetValue<string>(), new JsonObject()));
        var withToken = await Http.SendAsync(Request(HttpMethod.Post, "/v3/directline/tokens/generate", generated["token"]!.GetValue<string>()));

        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, withToken.StatusCode);
    }
}
