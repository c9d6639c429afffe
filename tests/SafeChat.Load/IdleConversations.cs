using System.Text.Json;

namespace SafeChat.Load;

/// <summary>
/// Memory per open conversation (load --idle N): one SafeChat process on SQLite, warmed up; then N people open Web Chat,
/// read the greeting, say one thing, read the answer and stay (their WebSockets open, as a person reading would). The
/// resident memory before and with them (5 s and 30 s after the last one opened), per conversation, and the figure at N,
/// are printed. --hold keeps them open that long afterwards, with the process id printed, for a profiler
/// (dotnet-gcdump, dotnet-counters) to look at.
/// </summary>
public static class IdleConversations
{
    /// <summary>The host warms its models and recognisers up in the background after start-up; this lets it finish.</summary>
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(30);

    private const int AtOnce = 50;

    public static async Task<int> RunAsync(int size, List<string> settings, TimeSpan hold)
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
            var opening = clock.Elapsed;
            await Task.Delay(TimeSpan.FromSeconds(5)); // replies written, streams quiet
            var withThem = process.MemoryMb;
            // People reading stay for minutes: the figure half a minute on includes what the process gives back meanwhile.
            await Task.Delay(TimeSpan.FromSeconds(25));
            var settled = process.MemoryMb;
            Console.WriteLine();
            Console.WriteLine("| resident MB at ready | after warm-up | with N open (5 s) | with N open (30 s) | N | KB per open conversation (30 s) | opened in s | peak MB |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|");
            Console.WriteLine($"| {atReady:F0} | {warm:F0} | {withThem:F0} | {settled:F0} | {size} | {(settled - warm) * 1024 / size:F0} | {opening.TotalSeconds:F0} | {process.PeakMemoryMb:F0} |");
            if (hold > TimeSpan.Zero)
            {
                Console.WriteLine($"Holding them open {hold.TotalSeconds:F0} s: SafeChat is process {process.Id}.");
                await Task.Delay(hold);
            }
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
