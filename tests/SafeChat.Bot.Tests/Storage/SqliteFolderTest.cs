using SafeChat.Bot.Storage;

namespace SafeChat.Bot.Tests.Storage;

/// <summary>A test of SQLite itself: its own temporary folder, removed afterwards with the pool's open files.</summary>
public abstract class SqliteFolderTest : IDisposable
{
    protected string Folder { get; } = Directory.CreateTempSubdirectory("safechat-sqlite-").FullName;

    protected SafeChatDbFactory Databases() => new(new StorageOptions { DataDirectory = Folder }, Folder);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
