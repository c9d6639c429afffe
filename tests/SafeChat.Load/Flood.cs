using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SafeChat.Load;

/// <summary>
/// The flood run (issue 13): one address asks for 10,000 tokens and hammers one conversation with posts, while 50
/// ordinary visitors make a report, each from an address of their own, and 10 people write that they are in danger now.
/// Run once without the flood (the baseline) and once with it, against one SafeChat process with its default limits
/// behind a trusted proxy. Prints the visitors' turn latencies both times, how many danger messages got 112 in their
/// first reply, and what the flooding address got back.
/// </summary>
public static class Flood
{
    private const int Visitors = 50, InDanger = 10, TokenRequests = 10_000;
    private const string Attacker = "203.0.113.66";
    private const string DangerMessage = "er loopt al drie straten een man achter me aan en hij is er nog steeds, ik ben bang";

    public static async Task<int> RunAsync(IEnumerable<string> baseSettings)
    {
        var folder = Directory.CreateTempSubdirectory("safechat-flood-").FullName;
        // Default limits: the visitors are told apart by the address the trusted proxy (loopback) forwards.
        var settings = baseSettings.Where(s => !s.StartsWith("--RateLimits:", StringComparison.Ordinal))
            .Concat([$"--Storage:DataDirectory={folder}", "--RateLimits:KnownProxies:0=127.0.0.1"]).ToList();
        await using var process = await SafeChatProcess.StartAsync(settings, folder, echo: line => Console.Error.WriteLine($"  [safechat] {line}"));
        using var visitors = Program.Client(process.BaseUrl);
        using var flooder = Program.Client(process.BaseUrl);

        await RunVisitorsAsync(visitors, process.BaseUrl, flood: null, round: 0); // warm-up, not measured
        var baseline = await RunVisitorsAsync(visitors, process.BaseUrl, flood: null, round: 1);
        var statuses = new ConcurrentDictionary<int, int>();
        var flooded = await RunVisitorsAsync(visitors, process.BaseUrl, flood: stop => FloodAsync(flooder, statuses, stop), round: 2);

        Console.WriteLine();
        Console.WriteLine($"Flood run, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, SQLite, 1 instance, default limits");
        Console.WriteLine("| run | visitors' turn p50 / p95 / p99 ms | danger messages answered with 112 first | danger reply p99 ms | visitor errors |");
        Console.WriteLine("|---|---|---|---|---|");
        Console.WriteLine(baseline.Row("no flood"));
        Console.WriteLine(flooded.Row($"flood from one address"));
        Console.WriteLine();
        Console.WriteLine($"p99 under the flood / without: {flooded.P99 / baseline.P99:F2}× (target ≤ 2×). The flooding address got: " +
                          string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Value} × {s.Key}")));
        return 0;
    }

    private sealed record Result(Latencies Latencies, int DangerAnswered)
    {
        public double P99 => Latencies.Percentile("webchat turn", 99);

        public string Row(string name) =>
            $"| {name} | {Latencies.Percentile("webchat turn", 50):F0} / {Latencies.Percentile("webchat turn", 95):F0} / {P99:F0} | " +
            $"{DangerAnswered} of {InDanger} | {Latencies.Percentile("danger turn", 99):F0} | {Latencies.Errors} |";
    }

    private static async Task<Result> RunVisitorsAsync(HttpClient client, Uri baseUrl, Func<CancellationToken, Task>? flood, int round)
    {
        var latencies = new Latencies();
        using var stop = new CancellationTokenSource();
        var attack = flood is null ? Task.CompletedTask : Task.Run(() => flood(stop.Token));
        if (flood is not null) await Task.Delay(TimeSpan.FromSeconds(2)); // the flood is under way before anyone arrives
        var ordinary = Enumerable.Range(0, Visitors).Select(i => new WebChatVisitor(client, baseUrl, latencies, $"10.{round}.1.{i + 1}")).ToList();
        var danger = Enumerable.Range(0, InDanger)
            .Select(i => new WebChatVisitor(client, baseUrl, latencies, $"10.{round}.2.{i + 1}", [DangerMessage], "danger turn")).ToList();
        await Task.WhenAll(ordinary.Concat(danger).Select(v => Task.Run(async () =>
        {
            try { await v.RunAsync(default); }
            catch (Exception error)
            {
                latencies.Error();
                Console.Error.WriteLine($"  visitor: {error.GetType().Name}: {error.Message}");
            }
        })));
        await stop.CancelAsync();
        await attack;
        return new Result(latencies, danger.Count(v => v.Replies.FirstOrDefault() is { } reply && reply.Contains("112")));
    }

    /// <summary>10,000 token requests and, alongside, posts to one conversation as fast as they are answered.</summary>
    private static async Task FloodAsync(HttpClient client, ConcurrentDictionary<int, int> statuses, CancellationToken stop)
    {
        var token = (await (await client.SendAsync(FromAttacker(HttpMethod.Post, "/webchat/token"), stop)).Content.ReadFromJsonAsync<JsonObject>(stop))!["token"]!.GetValue<string>();
        var start = FromAttacker(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var started = (await (await client.SendAsync(start, stop)).Content.ReadFromJsonAsync<JsonObject>(stop))!;
        var conversation = started["conversationId"]!.GetValue<string>();
        token = started["token"]!.GetValue<string>();

        var left = TokenRequests;
        var tokens = Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Decrement(ref left) >= 0) await CountAsync(FromAttacker(HttpMethod.Post, "/webchat/token"));
        }));
        var posts = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var post = FromAttacker(HttpMethod.Post, $"/v3/directline/conversations/{conversation}/activities");
                post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                post.Content = JsonContent.Create(new { type = "message", text = "spam spam spam", from = new { id = "flood" } });
                await CountAsync(post);
            }
        }));
        await Task.WhenAll(tokens.Concat(posts));

        async Task CountAsync(HttpRequestMessage request)
        {
            try
            {
                using var response = await client.SendAsync(request, CancellationToken.None);
                statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            }
            catch (HttpRequestException) { statuses.AddOrUpdate(0, 1, (_, n) => n + 1); }
            finally { request.Dispose(); }
        }
    }

    private static HttpRequestMessage FromAttacker(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Forwarded-For", Attacker);
        return request;
    }
}
