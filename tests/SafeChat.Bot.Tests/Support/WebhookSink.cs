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
    public string Url { get; }

    private WebhookSink(WebApplication app, string url) => (_app, Url) = (app, url);

    public static async Task<WebhookSink> StartAsync()
    {
        WebhookSink? sink = null;
        var (app, baseUrl) = await LoopbackServer.StartAsync(app => app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            sink!.Received.Enqueue(await reader.ReadToEndAsync());
            return Results.Ok();
        }));
        sink = new WebhookSink(app, baseUrl + "/hook");
        return sink;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
