using System.Collections.Concurrent;
using System.Threading.Channels;

namespace SafeChat.Load;

/// <summary>Twilio's Messages API, locally: accepts every message and tells the waiting phone it arrived, after the
/// latency given (load --twilio-ms N: Twilio's real API answers in a tenth of a second or more; 0 by default).</summary>
public sealed class TwilioStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Channel<bool>> _inboxes = new();
    private int _sid;

    private TwilioStandIn(WebApplication app) => _app = app;

    public string BaseUrl => _app.Urls.First();

    public static async Task<TwilioStandIn> StartAsync(TimeSpan latency = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{SafeChatProcess.FreePort()}");
        var app = builder.Build();
        var standIn = new TwilioStandIn(app);
        app.MapPost("/2010-04-01/Accounts/{account}/Messages.json", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (latency > TimeSpan.Zero) await Task.Delay(latency);
            standIn.Inbox(form["To"]!).Writer.TryWrite(true);
            return Results.Json(new { sid = $"SM{Interlocked.Increment(ref standIn._sid):D32}", status = "queued" }, statusCode: 201);
        });
        app.MapPost("/v1/Content", () => Results.Json(new { sid = $"HX{Interlocked.Increment(ref standIn._sid):D32}" }, statusCode: 201));
        await app.StartAsync();
        return standIn;
    }

    public Channel<bool> Inbox(string number) => _inboxes.GetOrAdd(number, _ => Channel.CreateUnbounded<bool>());

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
