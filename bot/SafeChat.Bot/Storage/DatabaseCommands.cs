using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SafeChat.Bot.Storage;

/// <summary>
/// Counts the commands SafeChat sends to its database (each one a round trip), so the cost of a turn is a figure: a test
/// holds it to a budget and the load benchmark prints it per turn. Also counts them by kind ("UPDATE conversations"), so
/// the figure says where the round trips go.
/// </summary>
public sealed partial class DatabaseCommands : DbCommandInterceptor, IDbTransactionInterceptor
{
    private long _count;
    private readonly ConcurrentDictionary<string, long> _byKind = new();

    private long _commits;

    /// <summary>
    /// Commits the database made for SafeChat: transactions committed, and writes sent outside one (each its own). On SQLite
    /// every write should reach the one shared writer (<see cref="GroupCommit"/>), so this equals its commits; a write
    /// beside it queues for SQLite's lock on its own (a test holds the SMS path to that).
    /// </summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Commands sent since the process started.</summary>
    public long Count => Interlocked.Read(ref _count);

    private long _failed;

    /// <summary>
    /// Commands the database refused (a broken constraint, a lost connection). The guarded append, whose race with other
    /// writers is lost now and then under load, asks so that losing it is a count, not an error: on PostgreSQL an error is a
    /// line in the server's log and an aborted transaction, and a busy hour of them hides the errors that matter.
    /// </summary>
    public long Failed => Interlocked.Read(ref _failed);

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Refused();

    /// <summary>A command that failed; EF Core's come here through the interceptor, <see cref="DirectCommand"/>'s directly.</summary>
    public void Refused() => Interlocked.Increment(ref _failed);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _failed);
        return Task.CompletedTask;
    }

    /// <summary>Commands sent since the process started, by kind: the first keyword and table of each statement they held.</summary>
    public IReadOnlyDictionary<string, long> ByKind() => new Dictionary<string, long>(_byKind);

    // Kinds by command text, and whether the text writes: SafeChat sends a few dozen distinct texts, and splitting and
    // matching each one every time cost CPU on every command. Bounded, in case some text ever carries values.
    private readonly ConcurrentDictionary<string, (string Kind, bool Writes)> _kindOfText = new();
    private const int KnownTextsAtMost = 512;
    private int _knownTexts; // ConcurrentDictionary.Count takes every lock

    /// <summary>Counts a command about to be sent; EF Core's own commands come here through the interceptor's calls.</summary>
    public void Sending(DbCommand command)
    {
        Interlocked.Increment(ref _count);
        var text = command.CommandText;
        if (!_kindOfText.TryGetValue(text, out var known))
        {
            var kind = KindOf(text);
            known = (kind, kind.Split("; ").Any(k => k.StartsWith("INSERT", StringComparison.Ordinal) ||
                k.StartsWith("UPDATE", StringComparison.Ordinal) || k.StartsWith("DELETE", StringComparison.Ordinal)));
            if (Volatile.Read(ref _knownTexts) < KnownTextsAtMost && _kindOfText.TryAdd(text, known)) Interlocked.Increment(ref _knownTexts);
        }
        _byKind.AddOrUpdate(known.Kind, 1, (_, n) => n + 1);
        if (command.Transaction is null && known.Writes) Interlocked.Increment(ref _commits);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Interlocked.Increment(ref _commits);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _commits);
        return Task.CompletedTask;
    }

    /// <summary>"SELECT conversations", or for a command holding several statements "UPDATE conversations; INSERT conversation_activities".</summary>
    public static string KindOf(string sql)
    {
        var statements = sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Statement).Where(s => s.Length > 0).ToList();
        return statements.Count == 0 ? "(empty)" : string.Join("; ", statements);
    }

    private static string Statement(string sql)
    {
        var keyword = Keyword().Match(sql);
        if (!keyword.Success) return "";
        // A statement whose WITH writes (PostgreSQL's one-statement append): the writes it holds, in order.
        if (keyword.Value.Equals("WITH", StringComparison.OrdinalIgnoreCase) && Writes().Matches(sql) is { Count: > 0 } writes)
            return string.Join("; ", writes.Select(w => $"{w.Groups[1].Value.ToUpperInvariant()} {w.Groups[2].Value}"));
        var table = Table().Match(sql);
        return table.Success ? $"{keyword.Value.ToUpperInvariant()} {table.Groups[1].Value}" : keyword.Value.ToUpperInvariant();
    }

    [GeneratedRegex(@"^\s*(?:--[^\n]*\n\s*)*\w+")]
    private static partial Regex Keyword();

    [GeneratedRegex(@"\b(?:FROM|INTO|UPDATE)\s+""?(\w+)""?", RegexOptions.IgnoreCase)]
    private static partial Regex Table();

    [GeneratedRegex(@"(?<!\bDO\s+)\b(INSERT|UPDATE|DELETE)\s+(?:INTO\s+|FROM\s+)?""?(\w+)""?", RegexOptions.IgnoreCase)]
    private static partial Regex Writes();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Sending(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Sending(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Sending(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Sending(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Sending(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Sending(command);
        return ValueTask.FromResult(result);
    }
}
