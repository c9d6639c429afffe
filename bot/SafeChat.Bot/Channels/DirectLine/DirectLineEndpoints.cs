using System.Text.Json;
using SafeChat.Bot.Conversations;
using SafeChat.Dialogs.Activities;

namespace SafeChat.Bot.Channels.DirectLine;

/// <summary>
/// Direct Line 3.0 as the official Web Chat and DirectLineJS clients use it (shared/reference/directline.md §1).
/// </summary>
public static class DirectLineEndpoints
{
    /// <summary>The service limit is 256K characters per activity; a little over that in UTF-8 bytes.</summary>
    public const int MaxActivityBytes = 300_000;

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder app)
    {
        var directLine = app.MapGroup(DirectLineChannel.BasePath).WithTags("Direct Line");
        directLine.MapPost("/tokens/generate", GenerateToken).RequireRateLimiting(Security.RateLimits.Starts);
        directLine.MapPost("/tokens/refresh", RefreshToken);
        directLine.MapPost("/conversations", StartConversation).RequireRateLimiting(Security.RateLimits.Starts);
        directLine.MapGet("/conversations/{conversationId}", Reconnect);
        directLine.MapGet("/conversations/{conversationId}/activities", GetActivities);
        directLine.MapPost("/conversations/{conversationId}/activities", PostActivity).RequireRateLimiting(Security.RateLimits.Posts);
        directLine.MapPost("/conversations/{conversationId}/upload", Upload);
        directLine.MapGet("/conversations/{conversationId}/stream", DirectLineStream.AcceptAsync).RequireRateLimiting(Security.RateLimits.Streams);
        return app;
    }

    private static async Task<IResult> GenerateToken(HttpRequest request, DirectLineAuthenticator auth, DirectLineTokens tokens)
    {
        var (caller, error) = await auth.FromHeaderAsync(request);
        if (caller is null) return error!;
        if (!caller.IsSecret) return DirectLineErrors.SecretRequired();

        var body = await ReadOptionalAsync<TokenParameters>(request);
        var userId = body?.User?.Id is { Length: > 0 and <= 64 } id ? id : DirectLineTokens.NewUserId();
        var conversationId = DirectLineTokens.NewConversationId();
        return Results.Ok(new ConversationResponse(conversationId, tokens.Issue(conversationId, userId), Seconds(tokens), null));
    }

    private static async Task<IResult> RefreshToken(HttpRequest request, DirectLineAuthenticator auth, DirectLineTokens tokens)
    {
        var (caller, error) = await auth.FromHeaderAsync(request);
        if (caller is null) return error!;
        if (caller.IsSecret) return DirectLineErrors.BadArgument("A secret cannot be refreshed; refresh a token.");
        return Results.Ok(new ConversationResponse(caller.ConversationId!, tokens.Issue(caller.ConversationId!, caller.UserId!), Seconds(tokens), null));
    }

    private static async Task<IResult> StartConversation(HttpRequest request, DirectLineAuthenticator auth, DirectLineTokens tokens,
        ConversationStore store, StreamUrls streams, CancellationToken cancellation)
    {
        var (caller, error) = await auth.FromHeaderAsync(request);
        if (caller is null) return error!;

        var body = await ReadOptionalAsync<StartBody>(request);
        string conversationId, userId, token;
        if (caller.IsSecret)
        {
            conversationId = DirectLineTokens.NewConversationId();
            userId = body?.User?.Id is { Length: > 0 and <= 64 } id ? id : DirectLineTokens.NewUserId();
            token = tokens.Issue(conversationId, userId);
        }
        else
        {
            (conversationId, userId) = (caller.ConversationId!, caller.UserId!);
            token = request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        }
        var channel = request.Headers["x-ms-bot-agent"].ToString().Contains("WebChat", StringComparison.OrdinalIgnoreCase)
            ? DirectLineChannel.WebChat
            : DirectLineChannel.DirectLine;
        var created = await store.CreateAsync(conversationId, channel, userId, body?.Locale, cancellation);
        var response = new ConversationResponse(conversationId, token, Seconds(tokens), streams.For(request, conversationId, token, null));
        return created ? Results.Json(response, statusCode: StatusCodes.Status201Created) : Results.Ok(response);
    }

    private static async Task<IResult> Reconnect(string conversationId, string? watermark, HttpRequest request,
        DirectLineAuthenticator auth, ConversationStore store, StreamUrls streams, DirectLineTokens tokens, CancellationToken cancellation)
    {
        var (caller, error) = await auth.FromHeaderAsync(request);
        if (caller is null) return error!;
        if (!caller.MayAccess(conversationId)) return DirectLineErrors.ForeignConversation();
        if (!await store.ExistsAsync(conversationId, cancellation)) return DirectLineErrors.UnknownConversation();

        // Never hand the secret out: a reconnect always gets a token bound to this conversation.
        var token = tokens.Issue(conversationId, caller.UserId ?? DirectLineTokens.NewUserId());
        long? from = string.IsNullOrEmpty(watermark) ? null : ActivitySetJson.ParseWatermark(watermark);
        return Results.Ok(new ConversationResponse(conversationId, token, Seconds(tokens), streams.For(request, conversationId, token, from)));
    }

    private static async Task<IResult> GetActivities(string conversationId, string? watermark, HttpRequest request,
        DirectLineAuthenticator auth, ConversationStore store, ActivityPollCache polls, EmptyPolls emptyPolls, ILogger<ConversationStore> logger,
        CancellationToken cancellation)
    {
        var (caller, error) = await auth.FromHeaderAsync(request);
        if (caller is null) return error!;
        if (!caller.MayAccess(conversationId)) return DirectLineErrors.ForeignConversation();

        var after = ActivitySetJson.ParseWatermark(watermark);
        // Most polls find nothing new: they wait in memory for the next activity, with no database read (see EmptyPolls).
        if (!await emptyPolls.WaitForNewAsync(conversationId, after, cancellation)) return ActivitySetJson.Result(new ActivityPage([], after));
        try
        {
            var stamp = polls.Stamp(conversationId);
            var page = store.ReadRecent(conversationId, after);
            if (page is null)
            {
                if (!await store.ExistsAsync(conversationId, cancellation)) return DirectLineErrors.UnknownConversation();
                page = await store.ReadAsync(conversationId, after, cancellation);
            }
            if (page.Json.Count < ConversationStore.PageSize) polls.Remember(conversationId, page.Watermark, stamp); // a full page may have more
            return ActivitySetJson.Result(page);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // Any error status stops DirectLineJS's poller for good; an empty page lets it try again next tick.
            logger.LogWarning(failure, "Could not read activities for {ConversationId}; answered an empty page", conversationId);
            return ActivitySetJson.Result(new ActivityPage([], after));
        }
    }

    private static async Task<IResult> PostActivity(string conversationId, HttpRequest request, DirectLineAuthenticator auth,
        ConversationStore store, Live.LiveTyping typing, TurnWait turns, CancellationToken cancellation)
    {
        var (caller, error) = await auth.FromHeaderAsync(request);
        if (caller is null) return error!;
        if (!caller.MayAccess(conversationId)) return DirectLineErrors.ForeignConversation();

        var (activity, problem) = await InboundActivity.ReadAsync(request, caller, MaxActivityBytes);
        if (activity is null) return DirectLineErrors.BadArgument(problem!);
        if (activity.Type == ActivityTypes.Typing)
        {
            // Only a team member in a live chat sees it; the bot has no use for it.
            await typing.PersonTypingAsync(conversationId, cancellation);
            return Results.Ok(new ResourceResponse($"{conversationId}|typing"));
        }
        try
        {
            using var watch = turns.Watch(conversationId); // before the message is stored: its turn may end at once
            var id = await store.ReceiveAsync(conversationId, activity, cancellation);
            await turns.UntilAnsweredAsync(watch, id, cancellation);
            return Results.Ok(new ResourceResponse(id));
        }
        catch (ConversationNotFoundException)
        {
            return DirectLineErrors.UnknownConversation();
        }
    }

    private static IResult Upload() =>
        DirectLineErrors.BadArgument("SafeChat does not accept files: they could identify you. Please describe it in words.");

    private static int Seconds(DirectLineTokens tokens) => (int)tokens.Lifetime.TotalSeconds;

    private static async Task<T?> ReadOptionalAsync<T>(HttpRequest request) where T : class
    {
        if (request.ContentLength is 0 or null && !request.Headers.ContentType.ToString().Contains("json")) return null;
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, ActivityJson.Options);
        }
        catch (JsonException)
        {
            return null; // these bodies are optional hints; a bad one is ignored, not fatal.
        }
    }

    private sealed record StartBody(TokenUser? User, string? Locale);
}
