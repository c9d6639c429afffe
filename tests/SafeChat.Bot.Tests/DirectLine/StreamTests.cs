using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using SafeChat.Bot.Tests.Support;
using static SafeChat.Bot.Tests.Support.DirectLineTestClient;
using static SafeChat.Bot.Tests.Support.StreamSocket;

namespace SafeChat.Bot.Tests.DirectLine;

public class StreamTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private HttpClient Http => fixture.Host.Http;

    [Fact]
    public async Task The_stream_replays_the_greeting_then_delivers_echo_and_reply_as_they_happen()
    {
        var chat = await StartAsync(Http);
        using var socket = await ConnectAsync(chat.StreamUrl!);

        var greeting = await ReceiveUntilAsync(socket, got => got.Any(IsQuestion));
        var id = await chat.SayAsync("Ja", "socket-1");
        var after = await ReceiveUntilAsync(socket, got => got.Any(a => a.GetProperty("id").GetString() == id) && got.Any(a => Reply(a, id) && IsQuestion(a)));

        Assert.Contains(greeting, a => ActivitySet.Choices(a).SequenceEqual(["Ja", "Nee"]));
        Assert.Equal("socket-1", after.Single(a => a.GetProperty("id").GetString() == id).GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Contains(HelpLines.Tel("emergency"), after.Where(a => Reply(a, id)).SelectMany(ActivitySet.CallLinks));
    }

    [Fact]
    public async Task A_stream_opened_from_a_watermark_sends_only_what_came_after_it()
    {
        var chat = await StartAsync(Http);
        var set = await chat.WaitForQuestionAsync();
        await chat.AnswerAsync("nee");

        using var socket = await ConnectAsync($"{chat.StreamUrl}&watermark={set.Watermark}");
        var replayed = await ReceiveUntilAsync(socket, got => got.Count(IsBot) >= 1);

        Assert.Equal(2, replayed.Count); // the echo of "nee" and the answer, not the greeting
        Assert.Equal("nee", ActivitySet.Text(replayed[0]));
    }

    [Fact]
    public async Task Empty_frames_keep_the_socket_alive_in_both_directions()
    {
        var chat = await StartAsync(Http);
        using var socket = await ConnectAsync(chat.StreamUrl!);
        await ReceiveUntilAsync(socket, got => got.Any(IsQuestion));

        await socket.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Text, true, CancellationToken.None); // DirectLineJS's ping
        var frame = await ReceiveFrameAsync(socket, TimeSpan.FromSeconds(5));

        Assert.Equal("", frame); // the server's keep-alive (1 s in this host)
        Assert.Equal(WebSocketState.Open, socket.State);
    }

    [Fact]
    public async Task A_stream_url_with_a_foreign_or_forged_token_is_refused_before_the_upgrade()
    {
        var mine = await StartAsync(Http);
        var theirs = await StartAsync(Http);
        var foreign = mine.StreamUrl!.Replace(mine.Token, theirs.Token);
        var forged = mine.StreamUrl!.Replace(mine.Token, mine.Token[..^2] + "xx");

        var refusedForeign = await Assert.ThrowsAsync<WebSocketException>(() => ConnectAsync(foreign));
        var refusedForged = await Assert.ThrowsAsync<WebSocketException>(() => ConnectAsync(forged));

        Assert.Contains("403", refusedForeign.Message);
        Assert.Contains("403", refusedForged.Message);
    }

    [Fact]
    public async Task The_stream_address_without_an_upgrade_is_a_clear_400()
    {
        var chat = await StartAsync(Http);

        var response = await Http.GetAsync(new Uri(chat.StreamUrl!.Replace("ws://", "http://")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static bool IsQuestion(JsonElement activity) => ActivitySet.Choices(activity).Count > 0;

    private static bool IsBot(JsonElement activity) => activity.GetProperty("from").GetProperty("role").GetString() == "bot";

    private static bool Reply(JsonElement activity, string to) =>
        activity.TryGetProperty("replyToId", out var replyTo) && replyTo.GetString() == to;
}
