namespace SafeChat.Load;

/// <summary>
/// One Web Chat visitor: token from the page's endpoint, conversation, WebSocket stream, then the journey.
/// A turn's latency runs from posting a message to the first reply to it arriving on the stream.
/// </summary>
/// <param name="address">The visitor's own address, sent as X-Forwarded-For through the trusted proxy (the flood run:
/// every visitor then counts as one person for the per-address limits).</param>
/// <param name="journey">What the visitor says; a report on Web Chat unless given.</param>
/// <param name="kind">The latency kind its turns are counted under.</param>
/// <param name="think">Typing time before each message (the paced run); none: a closed loop at capacity.</param>
public sealed class WebChatVisitor(HttpClient postTo, Uri streamFrom, Latencies latencies, string? address = null,
    IReadOnlyList<string>? journey = null, string kind = "webchat turn", Func<TimeSpan>? think = null)
{
    /// <summary>The bot's first reply to each message, as JSON text.</summary>
    public List<string> Replies { get; } = [];

    public async Task RunAsync(CancellationToken cancellation)
    {
        using var chat = new DirectLineConversation(postTo, address);
        await chat.OpenAsync(streamFrom, cancellation);
        await chat.ReadUntilAsync(_ => true, cancellation); // the greeting
        foreach (var text in journey ?? Journeys.ReportOnWebChat)
        {
            if (think is not null) await Task.Delay(think(), cancellation);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            if (await chat.PostAsync(text, cancellation) is not { } id) { latencies.Error(); return; }
            Replies.Add(await chat.ReadUntilAsync(a => a.TryGetProperty("replyToId", out var to) && to.GetString() == id, cancellation));
            latencies.Add(kind, clock.Elapsed);
        }
        await chat.CloseAsync(cancellation);
    }
}
