using System.Diagnostics;

namespace SafeChat.Bot.Tests.Support;

/// <summary>
/// A PostgreSQL server of one test's own (tests/postgres.sh on a private folder and port), so that test can crash
/// and restart it without disturbing the shared server other tests use at the same time.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _root = TempFolder.Create("safechat-private-pg");
    private readonly int _port = SafeChatProcess.FreePort();

    public string ConnectionString { get; private set; } = "";

    public static async Task<PrivatePostgres> StartAsync()
    {
        var server = new PrivatePostgres();
        server.ConnectionString = (await server.RunAsync("start")).Trim().Split('\n')[^1];
        return server;
    }

    /// <summary>Stops the server at once (no checkpoint, every connection cut), as a crash would.</summary>
    public Task CrashAsync() => RunAsync("crash");

    public Task StartAgainAsync() => RunAsync("start");

    public async ValueTask DisposeAsync()
    {
        await RunAsync("stop");
        try { Directory.Delete(_root, recursive: true); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    private async Task<string> RunAsync(string command)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryPaths.Root, "tests", "postgres.sh"), command])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
            // Durable, as in production: a crash must not take back a commit SafeChat has already acknowledged.
            Environment = { ["SAFECHAT_PG_ROOT"] = _root, ["SAFECHAT_PG_PORT"] = _port.ToString(), ["SAFECHAT_PG_DURABLE"] = "1" },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"postgres.sh {command} failed:\n{await output}\n{await errors}");
        return await output;
    }
}
