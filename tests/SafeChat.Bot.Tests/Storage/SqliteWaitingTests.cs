using Microsoft.EntityFrameworkCore;
using SafeChat.Bot.Storage;

namespace SafeChat.Bot.Tests.Storage;

/// <summary>
/// SQLite waits for a busy write lock itself, in steps of milliseconds: left to Microsoft.Data.Sqlite, a busy lock costs a
/// blocked thread 150 ms per try (see <see cref="SqliteWaitsInside"/>; the paced benchmark prints what it did to latency).
/// </summary>
public class SqliteWaitingTests : SqliteFolderTest
{
    [Fact]
    public async Task Every_connection_lets_sqlite_wait_for_the_write_lock()
    {
        var databases = Databases();
        for (var i = 0; i < 2; i++) // a fresh connection, then one from the pool
        {
            await using var db = databases.Create();
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA busy_timeout;";
            Assert.Equal(30_000L, Convert.ToInt64(await command.ExecuteScalarAsync()));
            await db.Database.CloseConnectionAsync();
        }
    }

    [Fact]
    public async Task A_write_waits_for_another_and_both_are_kept()
    {
        var databases = Databases();
        await CreateTableAsync(databases, "v INTEGER");

        await using var first = databases.Create();
        await using var holding = await first.Database.BeginTransactionAsync();
        await first.Database.ExecuteSqlRawAsync("INSERT INTO t VALUES (1);");
        var second = Task.Run(async () =>
        {
            await using var db = databases.Create();
            await db.Database.ExecuteSqlRawAsync("INSERT INTO t VALUES (2);");
        });
        await Task.Delay(200);
        Assert.False(second.IsCompleted); // it waits for the lock the first transaction holds
        await holding.CommitAsync();
        await second;

        await using var check = databases.Create();
        await check.Database.OpenConnectionAsync();
        await using var count = check.Database.GetDbConnection().CreateCommand();
        count.CommandText = "SELECT group_concat(v) FROM (SELECT v FROM t ORDER BY v);";
        Assert.Equal("1,2", await count.ExecuteScalarAsync());
    }
}
