using System.Net;
using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.Security;

/// <summary>
/// PostgreSQL refuses a NUL character in text, where SQLite stores it: a message or report answer with one (a broken
/// keyboard app, a paste from a PDF) must still be taken, on the database a municipality runs, not end in a 500.
/// </summary>
public sealed class ControlCharacterTests
{
    [Fact]
    public async Task A_report_whose_answers_hold_NUL_characters_is_taken_on_PostgreSQL()
    {
        await using var host = await SafeChatHost.StartAsync(HostSettings.Postgres(await PostgresServer.CreateDatabaseAsync()));
        string[] answers = [.. ReporterJourney.TouchedYesterdayReplyInChat.Select(a => a.StartsWith("metro") || a.StartsWith("Hij") ? a[..5] + "\0" + a[5..] : a)];

        var (chat, code) = await ReporterJourney.ReportAsync(host.Http, answers);

        var before = (await chat.GetAsync()).FromBot.Count;
        var response = await chat.PostAsync(new System.Text.Json.Nodes.JsonObject { ["type"] = "message", ["text"] = "nog\0 een vraag" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await chat.WaitForBotRepliesAsync(before + 1);
        Assert.Matches("^[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}$", code);
    }
}
