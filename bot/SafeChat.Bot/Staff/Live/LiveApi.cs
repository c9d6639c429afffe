using System.Text;
using System.Text.Json;
using SafeChat.Bot.Conversations;
using SafeChat.Bot.Staff.Api;

namespace SafeChat.Bot.Staff.Live;

/// <summary>Live chats in the staff API (docs/staff-api.md), and their push stream for the conversation page.</summary>
public static class LiveApi
{
    public sealed record MessageBody(string? Text);
    public sealed record CloseBody(string? Outcome);
    public sealed record ReportBody(bool Consent, string? Description);

    public static void MapLiveApi(this IEndpointRouteBuilder api)
    {
        var live = api.MapGroup("/live");
        live.MapGet("", async (LiveService service, CancellationToken ct) => Results.Ok((await service.ListAsync(ct)).Select(Shape)));
        live.MapGet("/{id:long}/messages", (long id, long? after, HttpContext context, LiveService service, CancellationToken ct) =>
            StaffApi.Act(async () => Results.Ok(await service.MessagesAsync(id, after ?? 0, StaffApi.Who(context), ct))));
        live.MapGet("/{id:long}/events", Stream);
        var changes = live.MapGroup("/{id:long}").AddEndpointFilter(StaffApi.RequireCsrf);
        changes.MapPost("/claim", (long id, HttpContext c, LiveService s, CancellationToken ct) => StaffApi.Act(() => s.ClaimAsync(id, StaffApi.Who(c), ct)));
        changes.MapPost("/messages", (long id, MessageBody body, HttpContext c, LiveService s, CancellationToken ct) =>
            StaffApi.Act(() => s.SendAsync(id, body.Text ?? "", StaffApi.Who(c), ct)));
        changes.MapPost("/typing", (long id, HttpContext c, LiveService s, CancellationToken ct) => StaffApi.Act(() => s.TypingAsync(id, StaffApi.Who(c), ct)));
        changes.MapPost("/close", (long id, CloseBody body, HttpContext c, LiveService s, CancellationToken ct) =>
            StaffApi.Act(() => s.CloseAsync(id, body.Outcome, StaffApi.Who(c), ct)));
        changes.MapPost("/report", (long id, ReportBody body, HttpContext c, LiveService s, CancellationToken ct) =>
            StaffApi.Act(async () => Results.Ok(await s.ReportAsync(id, body.Consent, body.Description, StaffApi.Who(c), ct))));
    }

    private static object Shape(LiveService.LiveItem item) => new
    {
        item.Id, item.Status, item.WaitingSince, item.Danger, item.HeldBy, item.HeldByName, item.Channel, item.Escalated,
    };

    /// <summary>
    /// Server-Sent Events: each new message of the live chat as it is stored (on any instance: the activity signals carry
    /// the cluster's NOTIFY), "typing" while the person types, and the chat's status when it changes. The log is the truth; a wake-up only says "read".
    /// </summary>
    private static async Task Stream(long id, long? after, HttpContext context, LiveService service, ActivitySignals signals, CancellationToken ct)
    {
        var chat = await service.FindAsync(id, ct);
        if (chat is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-store";
        using var subscription = signals.Subscribe(chat.ConversationId);
        var who = StaffApi.Who(context);
        var seen = after ?? 0;
        var typed = seen;
        string? status = null;
        while (!ct.IsCancellationRequested)
        {
            foreach (var message in await service.MessagesAsync(id, seen, who, ct, audited: status is null))
            {
                await WriteAsync(context, "message", JsonSerializer.Serialize(message, Json), ct);
                seen = message.Seq;
            }
            if (await service.PersonTypedAfterAsync(chat.ConversationId, typed, ct) is { } typing)
            {
                typed = typing;
                await WriteAsync(context, "typing", "{}", ct);
            }
            var now = await service.FindAsync(id, ct);
            var current = $"{now?.Status}|{now?.HeldByName}|{now?.Danger}";
            if (current != status)
            {
                status = current;
                await WriteAsync(context, "status", JsonSerializer.Serialize(new { now?.Status, now?.HeldByName, now?.Danger }, Json), ct);
            }
            // A comment line every 15 s keeps proxies from closing an idle stream.
            if (!await subscription.WaitAsync(TimeSpan.FromSeconds(15), ct)) await context.Response.WriteAsync(": keep-alive\n\n", ct);
        }
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static async Task WriteAsync(HttpContext context, string kind, string data, CancellationToken ct)
    {
        await context.Response.WriteAsync($"event: {kind}\ndata: {data}\n\n", Encoding.UTF8, ct);
        await context.Response.Body.FlushAsync(ct);
    }
}
