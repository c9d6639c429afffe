using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeChat.Bot.Observability;
using SafeChat.Bot.Storage;
using SafeChat.Bot.Tests.Support;
using Xunit.Abstractions;

namespace SafeChat.Bot.Tests.Conversations;

/// <summary>
/// A person answering the bot in a conversation this instance knows: the message and the turn that answers it are stored
/// in one command, in the log's order, with nothing left pending, and the transcript keeps the message scrubbed.
/// </summary>
public sealed class TurnOnArrivalTests(ITestOutputHelper output)
{
    private const string SweeperLook = "SELECT conversations";

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task A_message_is_stored_with_the_turn_that_answers_it_in_one_command(string provider)
    {
        var settings = provider == "Postgres" ? HostSettings.Postgres(await PostgresServer.CreateDatabaseAsync()) : HostSettings.Sqlite();
        await using var host = await SafeChatHost.StartAsync(settings);
        using var metrics = new HostMeter(host.Services.GetRequiredService<SafeChatTelemetry>().Meter);
        var databases = host.Services.GetRequiredService<SafeChatDbFactory>();
        var count = new CommandCount(databases.Commands);
        var chat = await DirectLineTestClient.StartAsync(host.Http);
        await chat.WaitForQuestionAsync();

        string[] messages = ["nee", "ik wil iets vragen over de wet", "mijn nummer is 0612345678", "menu"];
        var ids = new List<string>();
        foreach (var message in messages)
        {
            string id = "";
            var (sent, kinds) = await count.KindsOfAsync(async () => id = await chat.SayAsync(message));
            output.WriteLine($"'{message}': {sent} commands: {string.Join(", ", kinds.Select(k => $"{k.Value}× {k.Key}"))}");
            // The pending-turn sweeper's look (every few seconds, a read of conversations alone) may fall in the window.
            Assert.Equal(1, kinds.Where(k => k.Key != SweeperLook).Sum(k => k.Value));
            Assert.StartsWith("UPDATE conversations; INSERT conversation_activities; INSERT conversation_activities", kinds.Keys.Single(k => k != SweeperLook));
            ids.Add(id);
        }

        var turns = metrics.Of("safechat.turns").Where(m => (string)m.Tags["start"]! == "arrival").Sum(m => m.Value);
        Assert.Equal(messages.Length, turns);
        await using var db = databases.Create();
        var conversation = await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == chat.ConversationId);
        Assert.Equal(conversation.LastInboundSeq, conversation.LastProcessedSeq);
        var log = await db.Activities.AsNoTracking().Where(a => a.ConversationId == chat.ConversationId && a.VisibleToClient)
            .OrderBy(a => a.Seq).ToListAsync();
        foreach (var id in ids)
        {
            // The message, then its replies, each naming it.
            var at = log.FindIndex(a => a.ActivityId == id);
            Assert.True(at >= 0 && log[at].FromUser, $"{id} is not stored as the person's message");
            Assert.Equal(conversation.LastInboundSeq, log.Where(a => a.FromUser).Max(a => a.Seq));
            Assert.False(log[at + 1].FromUser);
            Assert.Contains($"\"replyToId\":\"{id}\"", log[at + 1].Json);
        }
        Assert.DoesNotContain(log, a => a.Json.Contains("0612345678"));
        var read = await chat.GetAsync();
        Assert.DoesNotContain(read.Activities, a => a.GetRawText().Contains("0612345678"));
        Assert.Equal(ids, read.FromUser.Select(a => a.GetProperty("id").GetString()!).TakeLast(ids.Count));
    }
}
