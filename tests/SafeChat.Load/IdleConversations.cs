using System.Text.Json;

namespace SafeChat.Load;

/// <summary>
/// Memory per open conversation (load --idle N): one SafeChat process on SQLite, warmed up; then N people open Web Chat,
/// read the greeting, say one thing, read the answer and stay (their WebSockets open, as a person reading would). The
/// resident memory before and with them, per conversation, and the figure at N, are printed.
/// </summary>
public static class IdleConversations
{
    /// <summary>The host warms its models and recognisers up in the background after start-up; this lets it finish.</summary>
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(30);

    private const int AtOnce = 50;

    public static async Task<int> RunAsync(int size, List<string> settings)
    {
        var folder = Directory.CreateTempSubdirectory("safechat-idle-").FullName;
        settings.AddRange([$"--Storage:DataDirectory={folder}", "--RateLimits:KnownProxies:0=127.0.0.1", "--RateLimits:StreamsPerConversation=1000"]);
        Console.WriteLine($"SafeChat idle-conversation memory, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, SQLite, 1 instance");
        await using var process = await SafeChatProcess.StartAsync(settings, folder);
        using var client = Program.Client(process.BaseUrl);
        var atReady = process.MemoryMb;
        await Task.Delay(WarmUp);
        var warm = process.MemoryMb;

        var open = new List<DirectLineConversation>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            for (var start = 0; start < size; start += AtOnce)
                open.AddRange(await Task.WhenAll(Enumerable.Range(start, Math.Min(AtOnce, size - start)).Select(i => OpenAsync(client, process.BaseUrl, i))));
            await Task.Delay(TimeSpan.FromSeconds(5)); // replies written, streams quiet
            var withThem = process.MemoryMb;
            Console.WriteLine();
            Console.WriteLine("| resident MB at ready | after warm-up | with N open | N | KB per open conversation | opened in s | peak MB |");
            Console.WriteLine("|---|---|---|---|---|---|---|");
            Console.WriteLine($"| {atReady:F0} | {warm:F0} | {withThem:F0} | {size} | {(withThem - warm) * 1024 / size:F0} | {clock.Elapsed.TotalSeconds:F0} | {process.PeakMemoryMb:F0} |");
            return 0;
        }
        finally
        {
            foreach (var chat in open) chat.Dispose();
        }
    }

    private static async Task<DirectLineConversation> OpenAsync(HttpClient client, Uri baseUrl, int i)
    {
        var chat = new DirectLineConversation(client, $"10.8.{i / 250}.{i % 250 + 1}");
        await chat.OpenAsync(baseUrl, default);
        await chat.ReadUntilAsync(_ => true, default);
        if (await chat.PostAsync("hoi, ik heb een vraag", default) is not { } id) throw new InvalidOperationException("the post was refused");
        await chat.ReadUntilAsync(a => a.TryGetProperty("replyToId", out var to) && to.ValueKind == JsonValueKind.String && to.GetString() == id, default);
        return chat;
    }
}
