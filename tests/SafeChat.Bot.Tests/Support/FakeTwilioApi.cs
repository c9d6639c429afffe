using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SafeChat.Bot.Tests.Support;

/// <summary>
/// The edge of the world: a local stand-in for Twilio's Messages API. It records every message it accepts and
/// can be told to be down (503) or to refuse a recipient with a Twilio error code.
/// </summary>
public sealed class FakeTwilioApi : IAsyncDisposable
{
    public sealed record Sent(string To, string From, string Body, string? ContentSid, string Sid);

    private readonly WebApplication _app;
    private int _counter;

    public ConcurrentQueue<Sent> Messages { get; } = new();
    public volatile bool Down;

    /// <summary>Like WhatsApp after 24 hours of silence: free-form text is refused with 63016, content (templates) goes out.</summary>
    public volatile bool WindowClosed;

    /// <summary>Content API resources created, by ContentSid.</summary>
    public ConcurrentDictionary<string, string> Contents { get; } = new();
    public int? RefuseWithCode;

    /// <summary>Waited on before a message to this address is accepted: a slow API, one recipient at a time.</summary>
    public Func<string, Task>? Hold;
    public int Calls;
    public string BaseUrl { get; private init; } = "";

    private FakeTwilioApi(WebApplication app) => _app = app;

    public static async Task<FakeTwilioApi> StartAsync()
    {
        FakeTwilioApi fake = null!;
        var (app, baseUrl) = await LoopbackServer.StartAsync(app => Map(app, () => fake));
        fake = new FakeTwilioApi(app) { BaseUrl = baseUrl };
        return fake;
    }

    private static void Map(WebApplication app, Func<FakeTwilioApi> current)
    {
        app.MapPost("/2010-04-01/Accounts/{account}/Messages.json", async (HttpRequest request) =>
        {
            var fake = current();
            Interlocked.Increment(ref fake.Calls);
            if (fake.Down) return Results.Json(new { code = 20500, message = "Internal error", status = 503 }, statusCode: 503);
            var form = await request.ReadFormAsync();
            if (fake.Hold is { } hold) await hold(form["To"]!);
            if (fake.RefuseWithCode is { } code) return Results.Json(new { code, message = "refused", status = 400 }, statusCode: 400);
            string? contentSid = form["ContentSid"];
            if (fake.WindowClosed && contentSid is null) return Results.Json(new { code = 63016, message = "outside window", status = 400 }, statusCode: 400);
            var sid = $"SM{Interlocked.Increment(ref fake._counter):D32}";
            fake.Messages.Enqueue(new Sent(form["To"]!, form["From"]!, form["Body"].ToString(), contentSid, sid));
            return Results.Json(new { sid, status = "queued" }, statusCode: 201);
        });
        app.MapPost("/v1/Content", async (HttpRequest request) =>
        {
            var fake = current();
            using var reader = new StreamReader(request.Body);
            var sid = $"HX{Interlocked.Increment(ref fake._counter):D32}";
            fake.Contents[sid] = await reader.ReadToEndAsync();
            return Results.Json(new { sid }, statusCode: 201);
        });
    }

    public IReadOnlyList<Sent> To(string number) => Messages.Where(m => m.To == number).ToList();

    /// <summary>Sends the phone's message and waits for the first reply to it to reach this stand-in.</summary>
    public async Task AnsweredAsync(TwilioPhone phone, string message)
    {
        var answered = To(phone.Address).Count;
        (await phone.SendAsync(message)).EnsureSuccessStatusCode();
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(To(phone.Address).Count > answered)), $"no answer to '{message}'");
    }

    /// <summary>What a message shows the person: its body, or the body of the content it refers to.</summary>
    public string Shown(Sent message) => message.ContentSid is { } sid && Contents.TryGetValue(sid, out var json) ? json : message.Body;

    public async Task<IReadOnlyList<Sent>> WaitForAsync(string address, Func<IReadOnlyList<Sent>, bool> done, Func<string>? explain = null,
        TimeSpan? within = null)
    {
        // Generous: on two busy cores (the whole suite side by side) a reply has taken over 20 s; speed is the load
        // benchmark's to measure, not this wait's.
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var sent = To(address);
            if (done(sent)) return sent;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException(string.Join("\n---\n", sent.Select(Shown)) + "\n" + explain?.Invoke());
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>A phone on the other side of Twilio: signed webhook posts, as Twilio makes them, to one instance.</summary>
public sealed class TwilioPhone(HttpClient instance, string number, string channel = "sms")
{
    public TwilioPhone(SafeChatHost host, string number, string channel = "sms") : this(host.Http, number, channel) { }

    /// <summary>The same phone, with Twilio calling another instance (its fallback URL, or the balancer's choice).</summary>
    public TwilioPhone Via(HttpClient other) => new(other, number, channel);

    public const string AuthToken = "twilio-test-token";
    public const string WindowTemplate = "HXwindowtemplate0000000000000000000";
    private int _messages;

    public string Address => channel == "whatsapp" ? "whatsapp:" + number : number;

    public static IReadOnlyList<string> HostArguments(FakeTwilioApi api) =>
    [
        "--Twilio:AccountSid=AC00000000000000000000000000000001", $"--Twilio:AuthToken={AuthToken}",
        "--Twilio:SmsFrom=+3197010000001", "--Twilio:WhatsAppFrom=whatsapp:+3197010000001", $"--Twilio:ApiBaseUrl={api.BaseUrl}",
        $"--Twilio:ContentApiBaseUrl={api.BaseUrl}", $"--Twilio:WindowTemplateContentSid={WindowTemplate}",
    ];

    public Task<HttpResponseMessage> SendAsync(string body, string? messageSid = null, IEnumerable<KeyValuePair<string, string>>? extra = null, string? signature = null)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("MessageSid", messageSid ?? $"SM{Guid.NewGuid():N}"), new("AccountSid", "AC00000000000000000000000000000001"),
            new("From", Address), new("To", channel == "whatsapp" ? "whatsapp:+3197010000001" : "+3197010000001"),
            new("Body", body), new("NumMedia", "0"), new("SmsStatus", "received"), new("ApiVersion", "2010-04-01"),
        };
        if (extra is not null)
        {
            var given = extra.ToList();
            form.RemoveAll(p => given.Any(g => g.Key == p.Key)); // what the test gives replaces the defaults
            form.AddRange(given);
        }
        Interlocked.Increment(ref _messages);
        var url = new Uri(instance.BaseAddress!, $"/twilio/{channel}").ToString();
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", signature ?? TwilioRequestSigner.Sign(AuthToken, url, form));
        return instance.SendAsync(request);
    }
}
