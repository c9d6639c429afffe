using System.Diagnostics;

namespace SafeChat.Load;

/// <summary>
/// The ceiling: a bare ASP.NET Core endpoint on this machine (accepts a small JSON post, answers JSON),
/// driven with the same concurrency. SafeChat's throughput is printed as a share of it.
/// </summary>
public static class BareEndpoint
{
    public static async Task<double> RequestsPerSecondAsync(int concurrency, TimeSpan duration)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{SafeChatProcess.FreePort()}");
        await using var app = builder.Build();
        app.MapPost("/echo", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            return Results.Json(new { id = Guid.NewGuid().ToString("N"), length = body.Length });
        });
        await app.StartAsync();
        using var http = Program.Client(new Uri(app.Urls.First()));

        var done = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                using var response = await http.PostAsync("/echo", new StringContent("{\"type\":\"message\",\"text\":\"hallo\"}"));
                response.EnsureSuccessStatusCode();
                Interlocked.Increment(ref done);
            }
        }));
        return done / clock.Elapsed.TotalSeconds;
    }
}
