using Microsoft.AspNetCore.Antiforgery;
using SafeChat.Bot.Staff.Accounts;
using SafeChat.Bot.Staff.Administration;
using SafeChat.Bot.Staff.Audit;
using SafeChat.Bot.Staff.Cases;
using SafeChat.Bot.Staff.Live;
using SafeChat.Bot.Staff.Queue;
using SafeChat.Bot.Staff.Statistics;
using SafeChat.Bot.Storage;
using Microsoft.EntityFrameworkCore;

namespace SafeChat.Bot.Staff.Api;

/// <summary>
/// Everything the staff pages do, as JSON under /staff/api (see docs/staff-api.md). Cookie-authenticated;
/// every state change needs the CSRF token from GET /staff/api/antiforgery in the X-CSRF-TOKEN header.
/// </summary>
public static class StaffApi
{
    public const string CsrfHeader = "X-CSRF-TOKEN";

    public sealed record TextBody(string? Text);
    public sealed record ReassignBody(long StaffId);
    public sealed record CallBody(bool Reached);
    public sealed record HandoverBody(string? Organisation);
    public sealed record CloseBody(string? Outcome, string? Text);

    public static void MapStaffApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/staff/api").RequireAuthorization(StaffRoles.AnyStaff).WithTags("Staff");

        api.MapGet("/antiforgery", (HttpContext context, IAntiforgery antiforgery) =>
            Results.Ok(new { header = CsrfHeader, token = antiforgery.GetAndStoreTokens(context).RequestToken }));
        // As the pages: the overdue list and hotspots are for supervisors and admins (the overdue page, the queue page's notices).
        api.MapGet("/queue", async (bool? overdue, HttpContext context, QueueService queue, CancellationToken ct) =>
            overdue == true && !Who(context).IsSupervisor ? Results.Forbid() : Results.Ok(await queue.OpenAsync(Who(context), overdue == true, ct)));
        api.MapGet("/hotspots", async (QueueService queue, CancellationToken ct) => Results.Ok(await queue.HotspotsAsync(ct)))
            .RequireAuthorization(StaffRoles.Supervisors);
        api.MapPost("/sessions/end-all", async (HttpContext context) =>
        {
            await SignOutEverywhere.RunAsync(context);
            return Results.NoContent();
        }).AddEndpointFilter(RequireCsrf);
        api.MapAdministrationApi();
        api.MapLiveApi();
        api.MapGet("/cases/{id:long}", async (long id, HttpContext context, CaseService cases, CancellationToken ct) =>
            await cases.ViewAsync(id, Who(context), ct) is { } view ? Results.Ok(Shape(view)) : Results.NotFound());

        var changes = api.MapGroup("/cases/{id:long}").AddEndpointFilter(RequireCsrf);
        changes.MapPost("/claim", (long id, HttpContext c, CaseService s, CancellationToken ct) => Act(() => s.ClaimAsync(id, Who(c), ct)));
        changes.MapPost("/reassign", (long id, ReassignBody body, HttpContext c, CaseService s, CancellationToken ct) => Act(() => s.ReassignAsync(id, body.StaffId, Who(c), ct)));
        changes.MapPost("/notes", (long id, TextBody body, HttpContext c, CaseService s, CancellationToken ct) => Act(() => s.AddNoteAsync(id, body.Text ?? "", Who(c), ct)));
        changes.MapPost("/reply", (long id, TextBody body, HttpContext c, CaseService s, CancellationToken ct) => Act(() => s.ReplyAsync(id, body.Text ?? "", Who(c), ct)));
        changes.MapPost("/call", (long id, CallBody body, HttpContext c, CaseService s, CancellationToken ct) => Act(() => s.RecordCallAsync(id, body.Reached, Who(c), ct)));
        changes.MapPost("/handover", (long id, HandoverBody body, HttpContext c, CaseService s, CancellationToken ct) => Act(() => s.HandOverAsync(id, body.Organisation ?? "", Who(c), ct)));
        changes.MapPost("/erase", (long id, HttpContext c, CaseService s, CancellationToken ct) => Act(() => s.EraseAsync(id, Who(c), ct)));
        changes.MapPost("/close", (long id, CloseBody body, HttpContext c, CaseService s, CancellationToken ct) => Act(() => s.CloseAsync(id, body.Outcome, body.Text, Who(c), ct)));

        api.MapGet("/audit", async (long? reportId, SafeChatDbFactory databases, AuditTrail audit, HttpContext context, CancellationToken ct) =>
        {
            await using var db = databases.Create();
            var query = db.Audit.AsNoTracking().AsQueryable();
            if (reportId is { } r) query = query.Where(a => a.ReportId == r);
            var entries = await query.OrderByDescending(a => a.Id).Take(500).ToListAsync(ct);
            audit.Record(db, Who(context).Id, AuditActions.ViewedAudit, reportId);
            await db.SaveChangesAsync(ct);
            return Results.Ok(entries);
        }).RequireAuthorization(StaffRoles.Supervisors);

        api.MapGet("/stats", async (HttpContext context, StatisticsService stats, CancellationToken ct) =>
        {
            var s = await stats.BuildAsync(Who(context), ct);
            return Results.Ok(new
            {
                perWeek = s.PerWeek.Select(c => new { c.Label, count = c.Shown }),
                perCategory = s.PerCategory.Select(c => new { c.Label, count = c.Shown }),
                perDistrict = s.PerDistrict.Select(c => new { c.Label, count = c.Shown }),
                medians = s.MediansByTier.Select(m => new { m.Tier, m.HoursToFirstReply, m.HoursToClose }),
            });
        });
        api.MapGet("/stats.csv", async (HttpContext context, StatisticsService stats, CancellationToken ct) =>
            Results.Text(StatisticsService.ToCsv(await stats.BuildAsync(Who(context), ct)), "text/csv"));
    }

    public static StaffMember Who(HttpContext context) => StaffMember.From(context.User);

    public static Task<IResult> Act(Func<Task> action) => Act(async () =>
    {
        await action();
        return Results.NoContent();
    });

    /// <summary>Runs a staff action: a refusal becomes 409 with its reason, a missing target 404.</summary>
    public static async Task<IResult> Act(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (StaffActionRefused refused)
        {
            return Results.Json(new { error = refused.Message },
                statusCode: refused is ITargetMissing ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict);
        }
    }

    public static async ValueTask<object?> RequireCsrf(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var antiforgery = context.HttpContext.RequestServices.GetRequiredService<IAntiforgery>();
        if (!await antiforgery.IsRequestValidAsync(context.HttpContext))
            return Results.Json(new { error = $"Missing or invalid {CsrfHeader}." }, statusCode: StatusCodes.Status400BadRequest);
        return await next(context);
    }

    private static object Shape(CaseView view) => new
    {
        view.Report.Id, view.Report.Code, view.Report.Tier, view.Report.TierReason, view.Report.Status, view.Report.District,
        view.Report.Place, view.Report.Categories, view.Report.OccurredOn, view.Report.PartOfDay, view.Report.Description,
        view.Report.FollowUp, view.Report.CallWindow, view.Report.HandoverConsent, view.Report.DeadlineAt, view.Report.Outcome,
        view.Phone, view.ClaimedByEmail, view.Overdue, view.MayClose, view.WhyNotClose, view.DeliveryProblems,
        entries = view.Entries.Select(e => new { e.Kind, e.Text, e.CreatedAt }),
    };
}
