using System.Diagnostics;
using Npgsql;

namespace SafeChat.Bot.Tests.Support;

/// <summary>
/// The real PostgreSQL the tests use. tests/run.sh starts it and sets SAFECHAT_TEST_POSTGRES; a test run
/// started another way starts it through the same script. Every test gets a database of its own.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<string> Server = new(Locate, LazyThreadSafetyMode.ExecutionAndPublication);

    public static async Task<string> CreateDatabaseAsync()
    {
        var name = $"safechat_test_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(Server.Value);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(Server.Value) { Database = name }.ConnectionString;
    }

    /// <summary>SafeChat's storage on a fresh database of the test server, its schema migrated.</summary>
    public static async Task<SafeChat.Bot.Storage.SafeChatDbFactory> MigratedStorageAsync()
    {
        var options = new SafeChat.Bot.Storage.StorageOptions
            { Provider = SafeChat.Bot.Storage.StorageProvider.Postgres, ConnectionString = await CreateDatabaseAsync() };
        var databases = new SafeChat.Bot.Storage.SafeChatDbFactory(options, Path.GetTempPath());
        await SafeChat.Bot.Storage.DatabaseMigrator.MigrateAsync(databases);
        return databases;
    }

    /// <summary>Cuts every idle LISTEN connection to the database, as a failover or network blip would.</summary>
    public static async Task<int> TerminateListenersAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(Server.Value);
        await connection.OpenAsync();
        await using var kill = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = $1 AND query LIKE 'LISTEN%'", connection)
            { Parameters = { new() { Value = database! } } };
        return Convert.ToInt32(await kill.ExecuteScalarAsync());
    }

    private static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable("SAFECHAT_TEST_POSTGRES");
        if (!string.IsNullOrEmpty(configured)) return configured;

        var script = Path.Combine(RepositoryPaths.Root, "tests", "postgres.sh");
        var start = Process.Start(new ProcessStartInfo("bash", [script, "start"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = start.StandardOutput.ReadToEnd();
        var errors = start.StandardError.ReadToEnd();
        start.WaitForExit();
        if (start.ExitCode != 0) throw new InvalidOperationException($"tests/postgres.sh start failed:\n{output}\n{errors}");
        return output.Trim().Split('\n')[^1];
    }
}
