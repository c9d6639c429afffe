using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using SafeChat.Bot.Tests.Support;
using static SafeChat.Bot.Tests.Support.DirectLineTestClient;

namespace SafeChat.Bot.Tests.DirectLine;

public class ActivityExchangeTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private HttpClient Http => fixture.Host.Http;

    [Fact]
    public async Task A_posted_activity_is_echoed_with_its_channel_data_untouched_and_the_returned_id_and_nothing_unknown_is_kept()
    {
        var chat = await StartAsync(Http);
        await chat.WaitForQuestionAsync();
        var channelData = new JsonObject { ["clientActivityID"] = "web-123", ["nested"] = new JsonObject { ["list"] = new JsonArray(1, "two", null) } };

        var response = await chat.PostAsync(new JsonObject
        {
            ["type"] = "message", ["text"] = "Nee", ["channelData"] = channelData.DeepClone(),
            ["from"] = new JsonObject { ["id"] = "someone-else", ["name"] = "Eve" }, ["unknownField"] = "kept",
        });
        var id = (await ReadJson(response))["id"]!.GetValue<string>();
        var set = await chat.WaitForQuestionAsync(2);

        var echo = set.Activities.Single(a => a.GetProperty("id").GetString() == id);
        Assert.True(JsonNode.DeepEquals(channelData, JsonNode.Parse(echo.GetProperty("channelData").GetRawText())));
        Assert.False(echo.TryGetProperty("unknownField", out _)); // only fields SafeChat understands are stored
        Assert.StartsWith("dl_", echo.GetProperty("from").GetProperty("id").GetString());
        Assert.False(echo.GetProperty("from").TryGetProperty("name", out _));
        Assert.Equal(id, set.FromBot[^1].GetProperty("replyToId").GetString());
    }

    public static TheoryData<string, string> Oversized => new()
    {
        { "text", "{\"type\":\"message\",\"text\":\"" + new string('a', 2_001) + "\"}" },
        { "channelData", "{\"type\":\"message\",\"text\":\"hoi\",\"channelData\":{\"x\":\"" + new string('b', 5_000) + "\"}}" },
        { "timestamp", "{\"type\":\"message\",\"text\":\"hoi\",\"timestamp\":12345}" },
        { "timestamp", "{\"type\":\"message\",\"text\":\"hoi\",\"timestamp\":\"not a date\"}" },
    };

    [Theory]
    [MemberData(nameof(Oversized))]
    public async Task A_message_too_long_or_malformed_gets_a_clear_400_and_nothing_is_stored(string what, string body)
    {
        var chat = await StartAsync(Http);
        await chat.WaitForQuestionAsync();

        var response = await chat.PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal("BadArgument", error["code"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(error["message"]!.GetValue<string>()), what);
        Assert.Empty((await chat.GetAsync()).FromUser);
    }

    [Fact]
    public async Task A_resent_message_with_the_same_client_id_is_stored_and_answered_once()
    {
        var chat = await StartAsync(Http);
        await chat.WaitForQuestionAsync();

        // Web Chat's "retry" after an answer was lost: the same clientActivityID, sometimes several copies at once.
        var ids = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => chat.SayAsync("Nee", clientActivityId: "web-resend-1")));
        var set = await chat.WaitForQuestionAsync(2);
        await Task.Delay(300); // room for a wrongly stored copy to be answered as well
        set = await chat.GetAsync();

        Assert.Single(ids.Distinct());
        Assert.Single(set.FromUser, a => ActivitySet.Text(a) == "Nee");
        Assert.Equal(2, set.Questions.Count);
        Assert.Single(set.FromBot, a => a.TryGetProperty("replyToId", out var to) && to.GetString() == ids[0]
                                        && ActivitySet.Choices(a).Count > 0);
    }

    [Fact]
    public async Task Yes_to_the_danger_question_brings_112_as_a_tel_link()
    {
        var chat = await StartAsync(Http);
        await chat.WaitForQuestionAsync();

        var set = await chat.AnswerAsync("Ja");

        Assert.Contains(HelpLines.Tel("emergency"), set.AllCallLinks);
    }

    [Fact]
    public async Task The_watermark_returns_only_what_came_after_it()
    {
        var chat = await StartAsync(Http);
        var greeting = await chat.WaitForQuestionAsync();

        var empty = await chat.GetAsync(greeting.Watermark);
        var later = await chat.AnswerAsync("nee");
        var afterGreeting = await chat.GetAsync(greeting.Watermark);

        Assert.Empty(empty.Activities);
        Assert.Equal(greeting.Watermark, empty.Watermark);
        Assert.Equal(later.Activities.Count - greeting.Activities.Count, afterGreeting.Activities.Count);
        Assert.Equal(later.Watermark, afterGreeting.Watermark);
        Assert.Equal(later.Activities.Count, (await chat.GetAsync("")).Activities.Count);
    }

    [Fact]
    public async Task Malformed_json_gets_a_clear_400_and_nothing_is_stored()
    {
        var chat = await StartAsync(Http);
        var before = await chat.WaitForQuestionAsync();

        var response = await chat.PostRawAsync("{\"type\":\"message\",\"text\":");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BadArgument", body["error"]!["code"]!.GetValue<string>());
        Assert.Contains("JSON", body["error"]!["message"]!.GetValue<string>());
        Assert.Equal(before.Watermark, (await chat.GetAsync()).Watermark);
    }

    [Theory]
    [InlineData("{\"type\":\"conversationUpdate\"}")]
    [InlineData("{\"type\":\"event\"}")]
    [InlineData("[1,2]")]
    [InlineData("null")]
    public async Task Activities_the_bot_cannot_take_are_refused_with_400(string body)
    {
        var chat = await StartAsync(Http);

        Assert.Equal(HttpStatusCode.BadRequest, (await chat.PostRawAsync(body)).StatusCode);
    }

    [Fact]
    public async Task An_oversized_activity_is_refused()
    {
        var chat = await StartAsync(Http);

        var response = await chat.PostRawAsync(JsonSerializer.Serialize(new { type = "message", text = new string('a', 400_000) }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Uploads_are_refused_with_an_explanation()
    {
        var chat = await StartAsync(Http);

        var response = await Http.SendAsync(Request(HttpMethod.Post, $"/v3/directline/conversations/{chat.ConversationId}/upload?userId=x", chat.Token,
            new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "photo.jpg" } }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("files", await response.Content.ReadAsStringAsync());
    }
}
