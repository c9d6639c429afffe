using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using SafeChat.Bot.Conversations;
using SafeChat.Bot.Reports;
using SafeChat.Dialogs.Activities;

namespace SafeChat.Bot.Channels.BotFramework;

/// <summary>
/// POST /api/messages, where Azure Bot Service delivers every channel's activities. The token is checked before
/// anything is stored (401 otherwise); a message is stored once per channel activity id (channels retry) and the
/// answer is 200 at once: the turn runs afterwards and its replies go to the channel's service URL.
/// </summary>
public static class BotFrameworkEndpoint
{
    /// <summary>An activity is a few kilobytes; Teams adds some. Nothing larger is read.</summary>
    public const int MaxActivityBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapBotFramework(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", (HttpContext context, CancellationToken _) => ReceiveAsync(context)).DisableAntiforgery().WithTags("Bot Framework");
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<BotFrameworkOptions>();
        if (!options.Enabled) return Results.NotFound();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("SafeChat.BotFramework");
        if (context.Request.ContentLength is > MaxActivityBytes) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxActivityBytes; // a body without a length is cut off here too

        Activity? activity;
        try
        {
            activity = await ActivityJson.DeserializeAsync(context.Request.Body, context.RequestAborted);
        }
        catch (Exception failure) when (failure is JsonException or BadHttpRequestException)
        {
            // Not yet authenticated: say only that the body is unusable.
            return Results.BadRequest(new { error = "The body must be one Bot Framework activity in JSON." });
        }
        var refusal = activity is null
            ? "no activity"
            : await services.GetRequiredService<ChannelTokenValidator>().RefuseAsync(context.Request.Headers.Authorization, activity.ChannelId, activity.ServiceUrl(), context.RequestAborted);
        if (refusal is not null)
        {
            logger.LogWarning("Refused a Bot Framework request: {Reason}", refusal);
            return Results.Unauthorized();
        }
        if (activity!.Conversation?.Id is not { Length: > 0 } || !LocalAddress.IsAllowed(activity.ServiceUrl()!))
            return Results.BadRequest(new { error = "The activity needs a conversation and an https serviceUrl." });
        if (activity.Type != ActivityTypes.Message) return Results.Ok(); // conversationUpdate, typing, …: nothing to answer

        var reference = ConversationReference.From(activity, activity.ServiceUrl()!);
        var conversationId = services.GetRequiredService<BotFrameworkAddresses>().ConversationIdFor(reference);
        var inbound = new Activity
        {
            Type = ActivityTypes.Message, ChannelId = BotFrameworkChannels.For(activity.ChannelId!), Text = TeamsMentions.Strip(activity),
            Locale = activity.Locale, Value = activity.Value, Timestamp = activity.Timestamp,
        };
        var deliveryId = "bf-" + Hash(Encoding.UTF8.GetBytes($"{activity.ChannelId}|{activity.Conversation.Id}|{activity.Id ?? Guid.NewGuid().ToString()}"));
        await services.GetRequiredService<ConversationStore>().ReceiveOnceAsync(conversationId, inbound.ChannelId, inbound, deliveryId,
            services.GetRequiredService<ContactProtector>().Protect(reference.Serialize()), optOut: null, context.RequestAborted);
        return Results.Ok();
    }

    private static string Hash(byte[] data) => Base64UrlEncoder.Encode(SHA256.HashData(data))[..40];

    public static string? ServiceUrl(this Activity activity) =>
        activity.Extra?.TryGetValue("serviceUrl", out var url) == true && url.ValueKind == JsonValueKind.String ? url.GetString() : null;
}
