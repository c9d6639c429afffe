using System.Net.WebSockets;
using SafeChat.Bot.Conversations;

namespace SafeChat.Bot.Channels.DirectLine;

/// <summary>
/// The WebSocket stream: ActivitySet frames from the watermark on, woken by new activities, with empty
/// keep-alive frames in between. The client never posts over it (DirectLineJS 0.15 only pings).
/// </summary>
public static class DirectLineStream
{
    public static async Task AcceptAsync(string conversationId, HttpContext context, DirectLineAuthenticator auth,
        ConversationStore store, ActivitySignals signals, DirectLineOptions options, IHostApplicationLifetime lifetime,
        ILogger<ConversationStore> logger)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await DirectLineErrors.BadArgument("This address takes a WebSocket connection.").ExecuteAsync(context);
            return;
        }
        var (caller, error) = await auth.FromCredentialAsync(context.Request.Query["t"].ToString());
        if (caller is null || !caller.MayAccess(conversationId))
        {
            await (error ?? DirectLineErrors.ForeignConversation()).ExecuteAsync(context);
            return;
        }
        if (!await store.ExistsAsync(conversationId, context.RequestAborted))
        {
            await DirectLineErrors.UnknownConversation().ExecuteAsync(context);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        // Subscribe before the first read, so nothing appended in between is missed.
        using var subscription = signals.Subscribe(conversationId);
        var reading = DrainIncomingAsync(socket, stop, context.RequestAborted);
        var watermark = ActivitySetJson.ParseWatermark(context.Request.Query["watermark"]);
        try
        {
            while (!stop.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                watermark = await SendNewAsync(socket, store, conversationId, watermark, logger, stop.Token);
                if (!await subscription.WaitAsync(options.KeepAliveInterval, stop.Token))
                    await socket.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Text, true, stop.Token);
            }
        }
        catch (Exception ended) when (ended is OperationCanceledException or WebSocketException)
        {
            // The client went away or we are shutting down; DirectLineJS reconnects with its watermark.
        }
        await CloseAsync(socket, lifetime.ApplicationStopping.IsCancellationRequested);
        // The client answers our close frame; give it a moment, then let go.
        if (await Task.WhenAny(reading, Task.Delay(TimeSpan.FromSeconds(2))) != reading) socket.Abort();
        await reading;
    }

    private static async Task<long> SendNewAsync(WebSocket socket, ConversationStore store, string conversationId, long watermark,
        ILogger logger, CancellationToken cancellation)
    {
        ActivityPage page;
        try
        {
            page = await store.ReadAsync(conversationId, watermark, cancellation);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            logger.LogWarning(failure, "Stream for {ConversationId} could not read; will retry", conversationId);
            return watermark;
        }
        if (page.Json.Count == 0) return watermark;
        await socket.SendAsync(ActivitySetJson.Write(page), WebSocketMessageType.Text, true, cancellation);
        return page.Watermark;
    }

    /// <summary>
    /// Reads (and ignores) the client's empty pings; ends the stream when the client closes. Only the connection's own
    /// end cancels the read: cancelling a WebSocket read aborts the socket, and on shutdown we still want to send a
    /// proper close frame and read the client's answer to it.
    /// </summary>
    private static async Task DrainIncomingAsync(WebSocket socket, CancellationTokenSource stop, CancellationToken connectionEnded)
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var frame = await socket.ReceiveAsync(buffer, connectionEnded);
                if (frame.MessageType == WebSocketMessageType.Close) break;
            }
        }
        catch (Exception ended) when (ended is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
        }
        await stop.CancelAsync();
    }

    private static async Task CloseAsync(WebSocket socket, bool shuttingDown)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived)) return;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            // "Going away" on shutdown tells the client to reconnect, possibly to another instance.
            await socket.CloseOutputAsync(shuttingDown ? WebSocketCloseStatus.EndpointUnavailable : WebSocketCloseStatus.NormalClosure,
                null, timeout.Token);
        }
        catch (Exception ended) when (ended is OperationCanceledException or WebSocketException)
        {
        }
    }
}
