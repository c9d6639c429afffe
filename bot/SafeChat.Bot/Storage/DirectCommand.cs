using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace SafeChat.Bot.Storage;

/// <summary>
/// A command whose SQL text is our own, sent on the context's connection and transaction without EF Core's query pipeline
/// or raw-SQL builder: in a closed loop on PostgreSQL (seventeenth round) those were a seventh of SafeChat's CPU, spent on a
/// statement whose text they only pass on, and the names they give parameters made Npgsql parse and rewrite the text each
/// time. Parameters still take EF Core's type mappings (a date is sent as EF Core would send it), and the command is
/// counted as EF Core's are (<see cref="DatabaseCommands"/>).
/// </summary>
public static class DirectCommand
{
    /// <summary>Runs <paramref name="sql"/> ({0}, {1}… name <paramref name="values"/>) and returns its first row's first value.</summary>
    public static async Task<object?> ScalarAsync(SafeChatDb db, string sql, IReadOnlyList<object> values, CancellationToken cancellation)
    {
        var setup = SetupOf(db);
        var postgres = setup.Postgres;
        // The context's own connection, opened as EF Core opens it (its interceptors run), but not inside an execution
        // strategy as DatabaseFacade.OpenConnectionAsync is: that wrapper alone was a visible cost.
        var connection = db.GetService<IRelationalConnection>();
        await connection.OpenAsync(cancellation);
        try
        {
            await using var command = connection.DbConnection.CreateCommand();
            command.Transaction = connection.CurrentTransaction?.GetDbTransaction();
            var names = new object[values.Count];
            for (var i = 0; i < values.Count; i++)
            {
                // PostgreSQL's own positional form ($1) is sent as written; a named one (@p0) Npgsql must find and rewrite.
                var name = postgres ? "" : $"@p{i}";
                names[i] = postgres ? $"${i + 1}" : name;
                command.Parameters.Add(setup.Mapping(values[i].GetType()).CreateParameter(command, name, values[i], nullable: false));
            }
            command.CommandText = string.Format(sql, names);
            var counted = setup.Counter;
            counted?.Sending(command);
            try
            {
                return await command.ExecuteScalarAsync(cancellation);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                counted?.Refused(); // as EF Core's interceptor counts a failed command
                throw;
            }
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    /// <summary>What a configured database (the options a context pool was built with) gives every command: looked up once,
    /// since asking a context for its provider or services each time was itself a visible cost.</summary>
    private sealed record Setup(bool Postgres, IRelationalTypeMappingSource Mappings, DatabaseCommands? Counter)
    {
        private readonly ConcurrentDictionary<Type, RelationalTypeMapping> _byType = new();

        /// <summary>EF Core's mapping of a parameter's type, kept: finding it on every command was a visible cost too.</summary>
        public RelationalTypeMapping Mapping(Type type) => _byType.GetOrAdd(type, static (t, mappings) => mappings.GetMapping(t), Mappings);
    }

    private static readonly ConditionalWeakTable<IDbContextOptions, Setup> Setups = new();

    private static Setup SetupOf(SafeChatDb db)
    {
        var options = db.GetService<IDbContextOptions>();
        return Setups.TryGetValue(options, out var setup) ? setup : Setups.GetValue(options, _ => new Setup(db is PostgresSafeChatDb,
            db.GetService<IRelationalTypeMappingSource>(),
            options.FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<DatabaseCommands>().FirstOrDefault()));
    }
}
