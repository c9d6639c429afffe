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
        await host.WarmAsync();
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
            var (sent, kinds) = await count.KindsOfAsync(async () => id = await chat.SayAsync(message, $"client-{ids.Count}"));
            output.WriteLine($"'{message}': {sent} commands: {string.Join(", ", kinds.Select(k => $"{k.Value}× {k.Key}"))}");
            // What the message and its turn sent, without the background jobs that may fall in the window (the pending-turn
            // sweeper's look at conversations, the escalation and retention jobs): the one command, message and replies.
            var own = kinds.Where(k => k.Key != SweeperLook && (k.Key.StartsWith("UPDATE conversations") || k.Key.Contains("conversation_activities")))
                .ToList();
            Assert.Equal(1, own.Sum(k => k.Value));
            Assert.StartsWith("UPDATE conversations; INSERT conversation_activities; INSERT conversation_activities", own[0].Key);
            ids.Add(id);
        }

        // Web Chat's "retry" after an answer that was lost: the message, already stored with its turn, is not stored or
        // answered again, and the first one's id comes back.
        var log0 = await LogAsync(databases, chat.ConversationId);
        Assert.Equal(ids[^1], await chat.SayAsync(messages[^1], $"client-{ids.Count - 1}"));
        Assert.Equal(log0.Count, (await LogAsync(databases, chat.ConversationId)).Count);

        var turns = metrics.Of("safechat.turns").Where(m => (string)m.Tags["start"]! == "arrival").Sum(m => m.Value);
        Assert.Equal(messages.Length, turns);
        await using var db = databases.Create();
        var conversation = await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == chat.ConversationId);
        Assert.Equal(conversation.LastInboundSeq, conversation.LastProcessedSeq);
        var log = await LogAsync(databases, chat.ConversationId);
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

    private static async Task<List<ActivityRecord>> LogAsync(SafeChatDbFactory databases, string conversationId)
    {
        await using var db = databases.Create();
        return await db.Activities.AsNoTracking().Where(a => a.ConversationId == conversationId && a.VisibleToClient).OrderBy(a => a.Seq).ToListAsync();
    }
}
