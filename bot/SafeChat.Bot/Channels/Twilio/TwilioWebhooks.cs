using Microsoft.EntityFrameworkCore;
using SafeChat.Bot.Conversations;
using SafeChat.Bot.Reports;
using SafeChat.Bot.Storage;

namespace SafeChat.Bot.Channels.Twilio;

/// <summary>
/// Twilio's webhooks. The signature is checked before anything else (403 and nothing processed when it fails);
/// the message is stored once per MessageSid, and the answer is an empty TwiML document at once — the turn runs
/// afterwards and its replies leave through the outbox, so Twilio's 15-second limit never matters.
/// </summary>
public static class TwilioWebhooks
{
    public const string StatusPath = "/twilio/status";
    /// <summary>An empty answer: the replies leave through the outbox, not in the webhook's response.</summary>
    private static readonly string EmptyTwiml = new global::Twilio.TwiML.MessagingResponse().ToString();
    private static readonly HashSet<string> StopWords = ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"];
    private static readonly HashSet<string> StartWords = ["START", "YES", "UNSTOP"];

    /// <summary>Twilio posts a few kilobytes; a message body is at most 1,600 characters.</summary>
    public const int MaxFormBytes = 64 * 1024;

    private static readonly Microsoft.AspNetCore.Http.Features.FormOptions FormLimits = new()
    {
        MultipartBodyLengthLimit = MaxFormBytes, ValueLengthLimit = MaxFormBytes, ValueCountLimit = 200, KeyLengthLimit = 256,
    };

    public static IEndpointRouteBuilder MapTwilio(this IEndpointRouteBuilder app)
    {
        var twilio = app.MapGroup("/twilio").WithTags("Twilio");
        twilio.MapPost("/sms", (HttpContext context, CancellationToken _) => ReceiveAsync(context, TwilioChannels.Sms)).DisableAntiforgery();
        twilio.MapPost("/whatsapp", (HttpContext context, CancellationToken _) => ReceiveAsync(context, TwilioChannels.WhatsApp)).DisableAntiforgery();
        twilio.MapPost("/status", StatusAsync).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext context, string channel)
    {
        var services = context.RequestServices;
        var (form, refused) = await VerifiedFormAsync(context);
        if (form is null) return refused!;
        var from = form["From"].ToString();
        var messageSid = form["MessageSid"].ToString();
        if (from.Length == 0 || messageSid.Length == 0) return Results.BadRequest("From and MessageSid are required.");

        var conversationId = services.GetRequiredService<TwilioAddresses>().ConversationIdFor(channel, from);
        var activity = InboundMessage.From(form, channel, conversationId);
        var keyword = (activity.Text ?? "").Trim().ToUpperInvariant();
        bool? optOut = channel == TwilioChannels.Sms && StopWords.Contains(keyword) ? true : StartWords.Contains(keyword) ? false : null;
        var address = services.GetRequiredService<ContactProtector>().Protect(from);

        await services.GetRequiredService<ConversationStore>()
            .ReceiveOnceAsync(conversationId, channel, activity, messageSid, address, optOut, context.RequestAborted);
        return Results.Text(EmptyTwiml, "text/xml");
    }

    /// <summary>Delivery updates, possibly repeated or out of order: a status never moves backwards.</summary>
    private static async Task<IResult> StatusAsync(HttpContext context, SafeChatDbFactory databases, CancellationToken cancellation)
    {
        var (form, refused) = await VerifiedFormAsync(context);
        if (form is null) return refused!;
        var sid = form["MessageSid"].ToString();
        var status = form["MessageStatus"].ToString();
        await using var db = databases.Create();
        var message = await db.Outbox.SingleOrDefaultAsync(o => o.TwilioSid == sid, cancellation);
        if (message is not null && Rank(status) > Rank(message.DeliveryStatus))
        {
            message.DeliveryStatus = status;
            if (int.TryParse(form["ErrorCode"], out var code)) message.ErrorCode = code;
            await db.SaveChangesAsync(cancellation);
        }
        return Results.Text(EmptyTwiml, "text/xml");
    }

    private static int Rank(string? status) => status switch
    {
        "queued" or "accepted" or "scheduled" => 1,
        "sending" => 2,
        "sent" => 3,
        "delivered" => 4,
        "read" => 5,
        "undelivered" or "failed" => 6,
        _ => 0,
    };

    private static async Task<(IFormCollection? Form, IResult? Refused)> VerifiedFormAsync(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<TwilioOptions>();
        if (!options.Enabled) return (null, Results.NotFound());
        if (!context.Request.HasFormContentType) return (null, Results.BadRequest("Expected a form post."));
        // Twilio's webhooks are a few kilobytes; nothing larger is read before the signature is checked.
        if (context.Request.ContentLength is null or > MaxFormBytes)
            return (null, Results.StatusCode(context.Request.ContentLength is null ? StatusCodes.Status411LengthRequired : StatusCodes.Status413PayloadTooLarge));
        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(FormLimits, context.RequestAborted);
        }
        catch (Exception failure) when (failure is InvalidDataException or IOException or BadHttpRequestException)
        {
            return (null, Results.BadRequest("The form could not be read."));
        }
        var pairs = form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? ""))).ToList();
        var origin = options.PublicBaseUrl?.TrimEnd('/') ?? $"{context.Request.Scheme}://{context.Request.Host}";
        var url = origin + context.Request.Path + context.Request.QueryString.Value;
        if (TwilioWebhookSignature.IsValid(context.Request.Headers["X-Twilio-Signature"], options.AuthToken!, url, pairs)) return (form, null);
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("SafeChat.Twilio").LogWarning("Refused a Twilio request with a missing or wrong signature");
        return (null, Results.StatusCode(StatusCodes.Status403Forbidden));
    }
}
