using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace SafeChat.Bot.Storage;

/// <summary>
/// A statement of raw SQL broke a unique or foreign key constraint. EF Core wraps these in DbUpdateException only for
/// SaveChanges; raw commands raise the provider's own exception.
/// </summary>
public static class ConstraintViolation
{
    private const int SqliteConstraint = 19;

    public static bool Is(DbException error) =>
        error is SqliteException { SqliteErrorCode: SqliteConstraint }
        || error.SqlState is { } state && state.StartsWith("23", StringComparison.Ordinal); // PostgreSQL: integrity constraint violation
}
