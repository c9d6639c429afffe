using Microsoft.EntityFrameworkCore;
using SafeChat.Bot.Storage;

namespace SafeChat.Bot.Tests.Storage;

/// <summary>A test of SQLite itself: its own temporary folder, removed afterwards with the pool's open files.</summary>
public abstract class SqliteFolderTest : IDisposable
{
    protected string Folder { get; } = Directory.CreateTempSubdirectory("safechat-sqlite-").FullName;

    protected SafeChatDbFactory Databases() => new(new StorageOptions { DataDirectory = Folder }, Folder);

    /// <summary>A table `t` with the given column, in WAL mode as SafeChat runs it.</summary>
    protected static async Task CreateTableAsync(SafeChatDbFactory databases, string column)
    {
        await using var setup = databases.Create();
        var sql = "PRAGMA journal_mode=WAL; CREATE TABLE t (" + column + ");"; // the column is the test's own text
        await setup.Database.ExecuteSqlRawAsync(sql);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
