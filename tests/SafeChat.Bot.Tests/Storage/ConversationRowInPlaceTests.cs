using Microsoft.EntityFrameworkCore;
using SafeChat.Bot.Conversations;
using SafeChat.Bot.Storage;
using SafeChat.Bot.Tests.Support;
using SafeChat.Dialogs.Activities;

namespace SafeChat.Bot.Tests.Storage;

/// <summary>
/// A conversation's row changes twice a turn: the message's place in the log, then the turn's state and "processed" mark.
/// PostgreSQL writes such a change in place (a heap-only update: no new entry in any index) only when no index covers a
/// column it changes. With the index the sweeper once had on the two counters, none of them was (0 of 59,834 in a closed
/// loop, 2026-12-04), and the primary key's lookups stepped over the dead entries.
/// </summary>
public sealed class ConversationRowInPlaceTests : IAsyncLifetime
{
    private const string Id = "conversation-1";
    private static readonly DateTime Now = new(2026, 12, 4, 12, 0, 0, DateTimeKind.Utc);
    private SafeChatDbFactory _databases = null!;

    public async Task InitializeAsync()
    {
        _databases = await PostgresServer.MigratedStorageAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Messages_and_turns_update_the_conversation_row_in_place()
    {
        await using var db = _databases.Create();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var end = (await GuardedAppend.AppendAsync(db, Id, [Entry("Hoi", fromUser: true)], Now, new ActivityLog.Counters(0, Now),
            CancellationToken.None, opening: new GuardedAppend.Opening("webchat", "user-1")))!.End;
        var (updatedBefore, inPlaceBefore) = await UpdatesAsync(db);

        // Few enough that every version fits on the row's page: this transaction's own old versions cannot be cleared yet.
        for (var turn = 0; turn < 3; turn++)
        {
            // The person's message, then the turn that answers it: its state, version and "processed" mark.
            var message = await GuardedAppend.AppendAsync(db, Id, [Entry($"bericht {turn}", fromUser: true)], Now.AddSeconds(turn), end, CancellationToken.None);
            end = message!.End;
            var answered = await GuardedAppend.AppendAsync(db, Id, [Entry($"antwoord {turn}", fromUser: false)], Now.AddSeconds(turn), end,
                CancellationToken.None, claim: new GuardedAppend.Claim(turn, $$"""{"turn":{{turn}},"notes":"{{new string('x', 900)}}"}""", end.LastSeq));
            end = answered!.End;
        }

        var (updated, inPlace) = await UpdatesAsync(db);
        Assert.Equal(6, updated - updatedBefore);
        Assert.Equal(6, inPlace - inPlaceBefore);
        Assert.Equal(3, (await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == Id)).StateVersion);
    }

    [Fact]
    public async Task No_index_on_conversations_covers_a_column_a_message_or_a_turn_changes()
    {
        string[] changing = ["last_seq", "last_activity_at", "last_inbound_seq", "last_processed_seq", "state_json", "state_version",
            "last_user_message_at", "opted_out", "channel_address_protected"];
        await using var db = _databases.Create();
        var indexes = await db.Database.SqlQueryRaw<string>(
            "SELECT indexdef AS \"Value\" FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'conversations'").ToListAsync();

        Assert.NotEmpty(indexes); // the primary key at least: the query reads the right table
        Assert.All(indexes, index => Assert.DoesNotContain(changing, index.Contains));
    }

    /// <summary>This transaction's updates of the conversations table, and how many of them were in place.</summary>
    private static async Task<(long Updated, long InPlace)> UpdatesAsync(SafeChatDb db) =>
        (await CountAsync(db, "SELECT pg_stat_get_xact_tuples_updated('conversations'::regclass) AS \"Value\""),
         await CountAsync(db, "SELECT pg_stat_get_xact_tuples_hot_updated('conversations'::regclass) AS \"Value\""));

    private static async Task<long> CountAsync(SafeChatDb db, string sql) => (await db.Database.SqlQueryRaw<long>(sql).ToListAsync()).Single();

    private static ActivityLog.Entry Entry(string text, bool fromUser) =>
        new(new Activity { Type = ActivityTypes.Message, Text = text }, FromUser: fromUser, VisibleToClient: true);
}
