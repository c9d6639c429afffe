using Microsoft.EntityFrameworkCore;
using SafeChat.Bot.Storage;

namespace SafeChat.Bot.Tests.Storage;

/// <summary>
/// On SQLite the writes that wait at the same moment share one transaction (<see cref="GroupCommit"/>). Each still stands
/// alone: one whose guard does not hold, or that throws, is undone without taking the others with it, and every caller
/// hears its own outcome only after the commit.
/// </summary>
public class GroupCommitTests : SqliteFolderTest
{
    [Fact]
    public async Task Writes_waiting_together_share_a_commit_and_a_failed_one_is_undone_alone()
    {
        var databases = Databases();
        await CreateTableAsync(databases, "v INTEGER NOT NULL UNIQUE");

        // Another writer holds SQLite's lock, so the writes below pile up behind the first one's transaction.
        await using var other = databases.Create();
        var holding = await other.Database.BeginTransactionAsync();
        await other.Database.ExecuteSqlRawAsync("INSERT INTO t VALUES (0);");

        var writes = Enumerable.Range(1, 30).Select(i => databases.WriteAsync<string>(async (db, token) =>
        {
            await db.Database.ExecuteSqlRawAsync("INSERT INTO t VALUES ({0});", [i], token);
            if (i == 7) return null; // its guard did not hold
            if (i == 13) throw new InvalidOperationException("write 13 failed");
            if (i == 21) await db.Database.ExecuteSqlRawAsync("INSERT INTO t VALUES (20);", token); // a constraint refuses it
            return $"wrote {i}";
        }, CancellationToken.None)).ToList();
        await Task.Delay(300);
        Assert.DoesNotContain(writes, w => w.IsCompleted); // nothing is acknowledged before it is committed
        await holding.CommitAsync();
        await holding.DisposeAsync();

        for (var i = 1; i <= 30; i++)
        {
            var write = writes[i - 1];
            switch (i)
            {
                case 7: Assert.Null(await write); break;
                case 13: Assert.Equal("write 13 failed", (await Assert.ThrowsAsync<InvalidOperationException>(() => write)).Message); break;
                case 21: await Assert.ThrowsAnyAsync<Exception>(() => write); break;
                default: Assert.Equal($"wrote {i}", await write); break;
            }
        }

        await using var check = databases.Create();
        var kept = await check.Database.SqlQueryRaw<long>("SELECT v AS Value FROM t ORDER BY v").ToListAsync();
        Assert.Equal(Enumerable.Range(0, 31).Where(v => v is not (7 or 13 or 21)).Select(v => (long)v), kept);
        var (commits, carried) = databases.GroupCommit!.Counts;
        Assert.Equal(30, carried);
        Assert.True(commits <= 3, $"{commits} commits for 30 writes that waited together");
    }

    [Fact]
    public async Task Every_note_of_a_commit_is_made_before_any_of_its_callers_goes_on()
    {
        var databases = Databases();
        await CreateTableAsync(databases, "v INTEGER NOT NULL");
        // A first write holds the writer, so the twenty below all wait for it and share the next commit.
        var (started, release) = (new TaskCompletionSource(), new TaskCompletionSource());
        var first = databases.WriteAsync<string>(async (db, token) =>
        {
            started.SetResult();
            await release.Task;
            return "first";
        }, CancellationToken.None);
        await started.Task;

        var noted = new System.Collections.Concurrent.ConcurrentDictionary<int, bool>();
        var seenOnReturn = new System.Collections.Concurrent.ConcurrentBag<int>();
        var writes = Enumerable.Range(1, 20).Select(async i =>
        {
            await databases.WriteAsync<string>(async (db, token) =>
            {
                await db.Database.ExecuteSqlRawAsync("INSERT INTO t VALUES ({0});", [i], token);
                return $"wrote {i}";
            }, CancellationToken.None, committed: _ =>
            {
                // The last note is slow: a caller that went on before all notes were made would see fewer.
                if (i == 20) Thread.Sleep(200);
                noted[i] = true;
            });
            // What a turn does next (wake a sender, which may send another write's reply) finds every note made.
            seenOnReturn.Add(noted.Count);
        }).ToList();
        var (commitsBefore, _) = databases.GroupCommit!.Counts;
        release.SetResult();
        Assert.Equal("first", await first);
        await Task.WhenAll(writes);

        var (commits, _) = databases.GroupCommit.Counts;
        Assert.Equal(2, commits - commitsBefore); // the first write's, and the twenty's together
        Assert.All(seenOnReturn, count => Assert.Equal(20, count));
    }
}
