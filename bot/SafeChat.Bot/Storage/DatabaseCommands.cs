using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SafeChat.Bot.Storage;

/// <summary>
/// Counts the commands SafeChat sends to its database (each one a round trip), so the cost of a turn is a figure: a test
/// holds it to a budget and the load benchmark prints it per turn.
/// </summary>
public sealed class DatabaseCommands : DbCommandInterceptor
{
    private long _count;

    /// <summary>Commands sent since the process started.</summary>
    public long Count => Interlocked.Read(ref _count);

    private void Sent() => Interlocked.Increment(ref _count);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Sent();
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Sent();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Sent();
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Sent();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Sent();
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Sent();
        return ValueTask.FromResult(result);
    }
}
