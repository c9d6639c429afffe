using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SafeChat.Bot.Storage;

/// <summary>
/// Lets SQLite itself wait for a busy write lock (in steps of a few milliseconds), instead of Microsoft.Data.Sqlite, which
/// answers SQLITE_BUSY by blocking its thread for 150 ms and trying again: with two turns committing at once that was the
/// p95 of 197 ms and the p99 of 348 ms of a paced run, on a host using 0.3 of its cores.
/// </summary>
public sealed class SqliteWaitsInside : DbConnectionInterceptor
{
    /// <summary>As long as a command may wait for the lock (the connection's DefaultTimeout).</summary>
    private const int BusyTimeoutMs = 30_000;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => SetBusyTimeout(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        SetBusyTimeout(connection);
        return Task.CompletedTask;
    }

    // A pooled connection keeps its SQLite handle, and the handle keeps the setting: set it once per handle, not per open.
    private static readonly ConditionalWeakTable<object, object> Set = new();

    private static void SetBusyTimeout(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } || Set.TryGetValue(handle, out _)) return;
        Set.AddOrUpdate(handle, Set);
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMs};";
        command.ExecuteNonQuery();
    }
}
