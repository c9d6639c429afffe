using System.Diagnostics;
using Npgsql;
using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.Commands;

/// <summary>`SafeChat.Bot migrate`, the cluster's migration job, against a real PostgreSQL.</summary>
public class MigrateCommandTests
{
    [Fact]
    public async Task Migrates_an_empty_database_then_an_instance_starts_without_migrating_and_serves()
    {
        var database = await PostgresServer.CreateDatabaseAsync();
        var environment = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Postgres",
            ["Storage__ConnectionString"] = database,
            ["DataProtection__KeyEncryptionKey"] = SafeChatHost.KeyEncryptionKey,
        };

        var (exit, output) = await RunAsync(environment, "migrate");
        var (again, _) = await RunAsync(environment, "migrate");

        Assert.Equal(0, exit);
        Assert.Contains("up to date", output);
        Assert.Equal(0, again); // idempotent: a re-run job does no harm
        Assert.Contains("Privacy", await MigrationsAppliedAsync(database));
        var settings = HostSettings.Postgres(database) with { Extra = ["--Storage:MigrateOnStartup=false"] };
        await using var host = await SafeChatHost.StartAsync(settings);
        var chat = await DirectLineTestClient.StartAsync(host.Http);
        await chat.WaitForQuestionAsync();
    }

    private static async Task<(int Exit, string Output)> RunAsync(Dictionary<string, string> environment, string command)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "SafeChat.Bot.dll"), command])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
            WorkingDirectory = TempFolder.Create("safechat-migrate"),
        };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }

    private static async Task<string> MigrationsAppliedAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT string_agg(\"MigrationId\", ',') FROM \"__EFMigrationsHistory\"", connection);
        return (string)(await query.ExecuteScalarAsync())!;
    }
}
