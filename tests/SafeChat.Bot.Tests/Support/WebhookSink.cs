using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SafeChat.Bot.Tests.Support;

/// <summary>A stand-in for a municipality's notification endpoint: it records what it receives.</summary>
public sealed class WebhookSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    public ConcurrentQueue<string> Received { get; } = new();

    /// <summary>Each message's signature headers, in the order received.</summary>
    public ConcurrentQueue<(string? Timestamp, string? Signature)> Signatures { get; } = new();

    public string Url { get; }

    /// <summary>An address that answers with a redirect to <see cref="Url"/>: SafeChat must not follow it.</summary>
    public string RedirectingUrl => Url.Replace("/hook", "/moved");

    private WebhookSink(WebApplication app, string url) => (_app, Url) = (app, url);

    public static async Task<WebhookSink> StartAsync()
    {
        WebhookSink? sink = null;
        var (app, baseUrl) = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/hook", async (HttpRequest request) =>
            {
                using var reader = new StreamReader(request.Body);
                sink!.Signatures.Enqueue((request.Headers["X-SafeChat-Timestamp"].FirstOrDefault(), request.Headers["X-SafeChat-Signature"].FirstOrDefault()));
                sink.Received.Enqueue(await reader.ReadToEndAsync());
                return Results.Ok();
            });
            app.MapPost("/moved", () => Results.Redirect("/hook", permanent: false, preserveMethod: true));
        });
        sink = new WebhookSink(app, baseUrl + "/hook");
        return sink;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
