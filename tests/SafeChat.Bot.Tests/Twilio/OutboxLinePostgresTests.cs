using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SafeChat.Bot.Channels.Twilio;
using SafeChat.Bot.Storage;
using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.Twilio;

/// <summary>
/// Two instances on one PostgreSQL: while one instance's outbox run looks at what is due, another takes a conversation's
/// first message. The run must not send the messages behind it (they would overtake it): it gives them back, and they go
/// once the first is done.
/// </summary>
public sealed class OutboxLinePostgresTests
{
    [Fact]
    public async Task A_run_that_loses_a_conversations_first_message_to_another_instance_gives_back_the_ones_behind_it()
    {
        var connection = await PostgresServer.CreateDatabaseAsync();
        await using var host = await SafeChatHost.StartAsync(HostSettings.Postgres(connection)); // Twilio off: no dispatcher of its own
        var databases = host.Services.GetRequiredService<SafeChatDbFactory>();
        var now = DateTime.UtcNow;
        var ids = await QueueThreeAsync(databases, "line-conversation", now);

        // The other instance takes the first message and has not committed yet.
        await using var other = new NpgsqlConnection(connection);
        await other.OpenAsync();
        await using var otherTakes = await other.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand("UPDATE outbox_messages SET status = 'sending', lease_until = $1 WHERE id = $2", other, otherTakes)
                     { Parameters = { new() { Value = now.AddMinutes(1) }, new() { Value = ids[0] } } })
            Assert.Equal(1, await take.ExecuteNonQueryAsync());

        // This instance's run has looked (all three due) and waits on the first row's lock; then the other commits.
        var lease = now.AddSeconds(45);
        var run = databases.WriteAsync<List<OutboxClaims.Row>>(async (db, token) => await OutboxClaims.TakeDueAsync(db, now, lease, token), default);
        Assert.True(await Eventually.HoldsAsync(() => WaitsOnALockAsync(connection)), "the run should wait on the row the other instance holds");
        await otherTakes.CommitAsync();
        var taken = (await run)!;

        Assert.Equal(ids[1..], taken.Select(r => r.Id)); // the update did take the two behind it…
        var (inLine, giveBack) = OutboxClaims.InLine(taken);
        Assert.Empty(inLine); // …but they are not next in line
        Assert.Equal(ids[1..], giveBack.Select(r => r.Id));

        await databases.WriteAsync<object>(async (db, token) =>
        {
            await OutboxClaims.GiveBackAsync(db, giveBack.Select(r => new KeyValuePair<long, DateTime>(r.Id, lease)), token);
            return new object();
        }, default);
        // While the first is in flight nothing of that conversation is due; once it is sent, the two follow in order.
        Assert.Empty(await TakeAsync(databases, now));
        await using (var db = databases.Create())
            await db.Outbox.Where(o => o.Id == ids[0]).ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatuses.Sent));
        var next = await TakeAsync(databases, now);
        Assert.Equal(ids[1..], next.Select(r => r.Id));
        Assert.Equal([1L, 2L], next.Select(r => r.Rank));
        Assert.Single(OutboxClaims.InLine(next).Conversations);
    }

    private static async Task<long[]> QueueThreeAsync(SafeChatDbFactory databases, string conversationId, DateTime now)
    {
        await using var db = databases.Create();
        db.Conversations.Add(new ConversationRecord { Id = conversationId, Channel = TwilioChannels.Sms, UserId = "line-person", CreatedAt = now, LastActivityAt = now });
        var rows = Enumerable.Range(1, 3).Select(i => new OutboxRecord
        {
            ConversationId = conversationId, Channel = TwilioChannels.Sms, Body = $"part {i}", Status = OutboxStatuses.Pending,
            CreatedAt = now, NextAttemptAt = now,
        }).ToList();
        foreach (var row in rows)
        {
            db.Outbox.Add(row);
            await db.SaveChangesAsync(); // one by one: ids in the order the messages were queued
        }
        return [.. rows.Select(r => r.Id)];
    }

    private static async Task<List<OutboxClaims.Row>> TakeAsync(SafeChatDbFactory databases, DateTime now) =>
        (await databases.WriteAsync<List<OutboxClaims.Row>>(async (db, token) => await OutboxClaims.TakeDueAsync(db, now.AddSeconds(1), now.AddSeconds(46), token), default))!;

    private static async Task<bool> WaitsOnALockAsync(string connection)
    {
        await using var look = new NpgsqlConnection(connection);
        await look.OpenAsync();
        await using var waiting = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", look);
        return Convert.ToInt64(await waiting.ExecuteScalarAsync()) > 0;
    }
}
