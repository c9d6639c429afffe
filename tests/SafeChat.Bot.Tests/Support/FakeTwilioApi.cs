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
    public sealed record Sent(string To, string From, string Body, string Sid);

    private readonly WebApplication _app;
    private int _counter;

    public ConcurrentQueue<Sent> Messages { get; } = new();
    public volatile bool Down;
    public int? RefuseWithCode;
    public int Calls;
    public string BaseUrl { get; private set; } = "";

    private FakeTwilioApi(WebApplication app) => _app = app;

    public static async Task<FakeTwilioApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeTwilioApi(app);
        app.MapPost("/2010-04-01/Accounts/{account}/Messages.json", async (HttpRequest request) =>
        {
            Interlocked.Increment(ref fake.Calls);
            if (fake.Down) return Results.Json(new { code = 20500, message = "Internal error", status = 503 }, statusCode: 503);
            var form = await request.ReadFormAsync();
            if (fake.RefuseWithCode is { } code) return Results.Json(new { code, message = "refused", status = 400 }, statusCode: 400);
            var sid = $"SM{Interlocked.Increment(ref fake._counter):D32}";
            fake.Messages.Enqueue(new Sent(form["To"]!, form["From"]!, form["Body"]!, sid));
            return Results.Json(new { sid, status = "queued" }, statusCode: 201);
        });
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return fake;
    }

    public IReadOnlyList<Sent> To(string number) => Messages.Where(m => m.To == number).ToList();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>A phone on the other side of Twilio: signed webhook posts, as Twilio makes them.</summary>
public sealed class TwilioPhone(SafeChatHost host, string number, string channel = "sms")
{
    public const string AuthToken = "twilio-test-token";
    private int _messages;

    public string Address => channel == "whatsapp" ? "whatsapp:" + number : number;

    public static IReadOnlyList<string> HostArguments(FakeTwilioApi api) =>
    [
        "--Twilio:AccountSid=AC00000000000000000000000000000001", $"--Twilio:AuthToken={AuthToken}",
        "--Twilio:SmsFrom=+3197010000001", "--Twilio:WhatsAppFrom=whatsapp:+3197010000001", $"--Twilio:ApiBaseUrl={api.BaseUrl}",
    ];

    public Task<HttpResponseMessage> SendAsync(string body, string? messageSid = null, IEnumerable<KeyValuePair<string, string>>? extra = null, string? signature = null)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("MessageSid", messageSid ?? $"SM{Guid.NewGuid():N}"), new("AccountSid", "AC00000000000000000000000000000001"),
            new("From", Address), new("To", channel == "whatsapp" ? "whatsapp:+3197010000001" : "+3197010000001"),
            new("Body", body), new("NumMedia", "0"), new("SmsStatus", "received"), new("ApiVersion", "2010-04-01"),
        };
        if (extra is not null) form.AddRange(extra);
        Interlocked.Increment(ref _messages);
        var url = new Uri(host.BaseUrl, $"/twilio/{channel}").ToString();
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", signature ?? SafeChat.Bot.Channels.Twilio.TwilioSignature.Compute(AuthToken, url, form));
        return host.Http.SendAsync(request);
    }
}
