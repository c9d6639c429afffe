using Microsoft.EntityFrameworkCore;

namespace SafeChat.Bot.Storage;

/// <summary>Brings the schema up to date before the host takes traffic.</summary>
public static class DatabaseMigrator
{
    public static async Task MigrateAsync(SafeChatDbFactory factory, CancellationToken cancellation = default)
    {
        await using var db = factory.Create();
        if (factory.Provider == StorageProvider.Sqlite)
        {
            // WAL lets readers (streams, polls) run while a turn commits.
            await db.Database.OpenConnectionAsync(cancellation);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellation);
        }
        await db.Database.MigrateAsync(cancellation);
    }
}
