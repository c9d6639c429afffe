using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace SafeChat.Bot.Storage;

/// <summary>
/// Creates a short-lived context per unit of work, for whichever provider is configured. Contexts come from a pool:
/// setting one up anew for every turn showed up in the load benchmark's profile.
/// </summary>
public sealed class SafeChatDbFactory
{
    private const int PoolSize = 256;

    private readonly Func<SafeChatDb> _create;
    private readonly GroupCommit? _group;

    public SafeChatDbFactory(StorageOptions options, string contentRoot, DatabaseCommands? commands = null)
    {
        Commands = commands ?? new DatabaseCommands();
        Provider = options.Provider;
        if (options.Provider == StorageProvider.Postgres)
        {
            var connection = options.ConnectionString
                             ?? throw new InvalidOperationException("Storage:Provider is Postgres but no connection string is set (Storage:ConnectionString or ConnectionStrings:SafeChat).");
            var built = new DbContextOptionsBuilder<PostgresSafeChatDb>()
                .UseNpgsql(PostgresConnection.ForContexts(connection), npgsql => npgsql.MigrationsAssembly(typeof(SafeChatDb).Assembly.FullName))
                .AddInterceptors(Commands)
                .Options;
            var pool = new PooledDbContextFactory<PostgresSafeChatDb>(built, PoolSize);
            _create = pool.CreateDbContext;
            Description = "PostgreSQL";
            PostgresConnectionString = connection;
        }
        else
        {
            var folder = Path.GetFullPath(options.DataDirectory, contentRoot);
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, "safechat.db");
            var connection = new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 30, Pooling = true }.ToString();
            var built = new DbContextOptionsBuilder<SqliteSafeChatDb>().UseSqlite(connection).AddInterceptors(Commands, new SqliteWaitsInside()).Options;
            var pool = new PooledDbContextFactory<SqliteSafeChatDb>(built, PoolSize);
            _create = pool.CreateDbContext;
            _group = new GroupCommit(_create);
            Description = $"SQLite ({path})";
        }
    }

    public StorageProvider Provider { get; }

    /// <summary>Every command sent through these contexts (raw connections, such as the cluster's notifications, are not counted).</summary>
    public DatabaseCommands Commands { get; }
    public string Description { get; }

    /// <summary>Set when the cluster shares PostgreSQL; used by the cross-instance activity bus.</summary>
    public string? PostgresConnectionString { get; }

    public SafeChatDb Create() => _create();

    /// <summary>SQLite's group commit (null on PostgreSQL).</summary>
    public GroupCommit? GroupCommit => _group;

    /// <summary>
    /// Runs <paramref name="write"/> in a transaction and commits it, unless it returns null (a guard did not hold: then
    /// nothing it wrote is kept). On SQLite the writes waiting at the same moment share one transaction
    /// (<see cref="GroupCommit"/>); PostgreSQL takes many writers at once, so each write has its own.
    /// <paramref name="committed"/> runs as soon as the write is committed, before the writes it shared a commit with
    /// return to their callers.
    /// </summary>
    public Task<T?> WriteAsync<T>(Func<SafeChatDb, CancellationToken, Task<T?>> write, CancellationToken cancellation, Action<T>? committed = null)
        where T : class =>
        _group is not null ? _group.RunAsync(write, cancellation, committed) : WriteOnPostgresAsync(write, cancellation, committed, begin: true);

    /// <summary>
    /// As <see cref="WriteAsync{T}"/>, for a write that usually is one command: on PostgreSQL it is sent without BEGIN and
    /// COMMIT, so the server commits it by itself, in one round trip instead of two (each round trip was a thread switch on
    /// both sides, and under load PostgreSQL's turns cost about half again the CPU of SQLite's). Its command must then undo
    /// itself when a guard does not hold (<see cref="Conversations.GuardedAppend"/> does); a write that needs more than one
    /// command begins a transaction first (<see cref="InTransactionAsync"/>), and that one is committed here.
    /// </summary>
    public Task<T?> WriteAloneAsync<T>(Func<SafeChatDb, CancellationToken, Task<T?>> write, CancellationToken cancellation, Action<T>? committed = null)
        where T : class =>
        _group is not null ? _group.RunAsync(write, cancellation, committed) : WriteOnPostgresAsync(write, cancellation, committed, begin: false);

    /// <summary>In a write of <see cref="WriteAloneAsync{T}"/>: from here on, what it sends is one transaction.</summary>
    public static async Task InTransactionAsync(SafeChatDb db, CancellationToken cancellation)
    {
        if (db.Database.CurrentTransaction is null) await db.Database.BeginTransactionAsync(cancellation);
    }

    private async Task<T?> WriteOnPostgresAsync<T>(Func<SafeChatDb, CancellationToken, Task<T?>> write, CancellationToken cancellation,
        Action<T>? committed, bool begin) where T : class
    {
        await using var db = Create();
        if (begin) await db.Database.BeginTransactionAsync(cancellation);
        else cancellation.ThrowIfCancellationRequested();
        // A statement the server commits by itself is not cancelled once sent: the caller would not hear that it was
        // kept (a message stored and its turn not queued). In a transaction, cancelling before the commit undoes it.
        var written = await write(db, begin ? cancellation : CancellationToken.None);
        await using var transaction = db.Database.CurrentTransaction;
        if (transaction is not null)
        {
            if (written is null) await transaction.RollbackAsync(cancellation);
            else await transaction.CommitAsync(cancellation);
        }
        if (written is not null) committed?.Invoke(written);
        return written;
    }
}
