using Microsoft.EntityFrameworkCore;
using SafeChat.Bot.Conversations;
using SafeChat.Bot.Storage;
using SafeChat.Bot.Tests.Support;
using SafeChat.Dialogs.Activities;

namespace SafeChat.Bot.Tests.Storage;

/// <summary>
/// On PostgreSQL the fast appends are sent without a transaction around them (<see cref="SafeChatDbFactory.WriteAloneAsync{T}"/>):
/// one statement, which the server commits by itself. These hold it to what the transaction used to give: an append whose
/// guard does not hold writes nothing, and one that finds a row stored beside it after its guard held is undone whole.
/// The common refusals (the log moved on, a second delivery, a client's id sent again) cost no database error.
/// </summary>
public sealed class GuardedAppendPostgresTests : IAsyncLifetime
{
    private const string Id = "conversation-1";
    private static readonly DateTime Now = new(2026, 12, 4, 12, 0, 0, DateTimeKind.Utc);
    private SafeChatDbFactory _databases = null!;
    private ActivityLog.Counters _end = null!;

    public async Task InitializeAsync()
    {
        _databases = await PostgresServer.MigratedStorageAsync();
        var created = await _databases.WriteAsync((db, token) => GuardedAppend.AppendAsync(db, Id, [Message("Hoi")], Now,
            new ActivityLog.Counters(0, Now), token, opening: new GuardedAppend.Opening("sms", Id)), CancellationToken.None);
        _end = created!.End;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_kept_append_is_one_command_and_its_own_commit()
    {
        var (commands, commits, failed) = Counts();
        var kinds = _databases.Commands.ByKind();

        var appended = await AppendAloneAsync(_end, Message("tweede", clientId: "c-1"), new GuardedAppend.Arrival("SM-1", "protected", Now, null));

        Assert.NotNull(appended);
        Assert.Equal((commands + 1, commits + 1, failed), Counts());
        // The one statement, which begins with the conversation's row; in a transaction the receipt would come first.
        var sent = Assert.Single(_databases.Commands.ByKind(), k => k.Value != kinds.GetValueOrDefault(k.Key));
        Assert.Equal("UPDATE conversations; INSERT inbound_receipts; INSERT conversation_activities", sent.Key);
        var stored = await StoredAsync();
        Assert.Equal((2L, 2L), (stored.LastSeq, stored.LastInboundSeq));
        Assert.Equal(["Hoi", "tweede"], stored.Texts);
        Assert.Equal(["SM-1"], stored.Receipts);
    }

    [Fact]
    public async Task An_append_whose_guard_does_not_hold_writes_nothing_and_raises_no_error()
    {
        var before = await StoredAsync();
        var failed = _databases.Commands.Failed;

        var behind = new ActivityLog.Counters(_end.LastSeq - 1, _end.LastActivityAt);
        Assert.Null(await AppendAloneAsync(behind, Message("te laat"), new GuardedAppend.Arrival("SM-2", "protected", Now, null)));

        Assert.Equal(failed, _databases.Commands.Failed);
        Assert.Equivalent(before, await StoredAsync());
    }

    [Fact]
    public async Task A_second_delivery_or_a_client_id_sent_again_is_refused_without_an_error()
    {
        var first = await AppendAloneAsync(_end, Message("eerste", clientId: "c-1"), new GuardedAppend.Arrival("SM-1", "protected", Now, null));
        var before = await StoredAsync();
        var failed = _databases.Commands.Failed;

        Assert.Null(await AppendAloneAsync(first!.End, Message("eerste"), new GuardedAppend.Arrival("SM-1", "protected", Now, null)));
        Assert.Null(await AppendAloneAsync(first.End, Message("eerste", clientId: "c-1")));

        Assert.Equal(failed, _databases.Commands.Failed);
        Assert.Equivalent(before, await StoredAsync());
    }

    /// <summary>What the guards cannot see: a copy stored beside it after the statement began (here a row put at the place the
    /// append takes, past where the conversation's counter says the log ends). The update held, a part came up short, and
    /// the server undid the statement: the counter, the receipt, the rewritten message and the outbox are as they were.</summary>
    [Fact]
    public async Task An_append_that_finds_a_row_stored_beside_it_is_undone_whole()
    {
        await using (var db = _databases.Create())
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO conversation_activities (conversation_id, seq, activity_id, type, from_user, visible_to_client, json, created_at) " +
                "VALUES ({0}, {1}, 'beside', 'message', true, true, '{{}}', {2})", [Id, _end.LastSeq + 1, Now]);
        var before = await StoredAsync();
        var failed = _databases.Commands.Failed;

        var rewrite = new GuardedAppend.Rewrite(1, """{"type":"message","text":"herschreven"}""");
        var reply = new OutboxRecord
        {
            ConversationId = Id, Channel = "sms", Body = "antwoord", Status = OutboxStatuses.Pending, CreatedAt = Now, NextAttemptAt = Now,
        };
        Assert.Null(await _databases.WriteAloneAsync((db, token) => GuardedAppend.AppendAsync(db, Id, [Message("naast een ander")], Now, _end, token,
            rewrite: rewrite, arrival: new GuardedAppend.Arrival("SM-3", "protected", Now, null), outboxRows: [reply]), CancellationToken.None));

        Assert.Equal(failed + 1, _databases.Commands.Failed); // the statement's own refusal: the only way to undo it
        Assert.Equivalent(before, await StoredAsync());
    }

    private Task<GuardedAppend.Appended?> AppendAloneAsync(ActivityLog.Counters known, ActivityLog.Entry entry, GuardedAppend.Arrival? arrival = null) =>
        _databases.WriteAloneAsync((db, token) => GuardedAppend.AppendAsync(db, Id, [entry], Now, known, token, arrival: arrival), CancellationToken.None);

    private static ActivityLog.Entry Message(string text, string? clientId = null) =>
        new(new Activity { Type = ActivityTypes.Message, Text = text }, FromUser: true, VisibleToClient: true, clientId);

    private (long Commands, long Commits, long Failed) Counts() =>
        (_databases.Commands.Count, _databases.Commands.Commits, _databases.Commands.Failed);

    private sealed record Stored(long LastSeq, long LastInboundSeq, string? Address, List<string?> Texts, List<string> Receipts, int Outbox);

    private async Task<Stored> StoredAsync()
    {
        await using var db = _databases.Create();
        var conversation = await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == Id);
        var log = await db.Activities.AsNoTracking().Where(a => a.ConversationId == Id).OrderBy(a => a.Seq).Select(a => a.Json).ToListAsync();
        var receipts = await db.Database.SqlQueryRaw<string>("SELECT message_sid AS \"Value\" FROM inbound_receipts ORDER BY 1").ToListAsync();
        return new Stored(conversation.LastSeq, conversation.LastInboundSeq, conversation.ChannelAddressProtected,
            [.. log.Select(json => ActivityJson.Deserialize(json).Text)], receipts, await db.Outbox.CountAsync());
    }
}
