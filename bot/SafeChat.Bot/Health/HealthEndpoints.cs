using Microsoft.EntityFrameworkCore;
using SafeChat.Bot.Storage;

namespace SafeChat.Bot.Health;

/// <summary>Liveness (the process answers) and readiness (the database answers too).</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health/live", () => Results.Ok(new { status = "live" }));
        app.MapGet("/health/ready", async (SafeChatDbFactory databases, IHostApplicationLifetime lifetime, CancellationToken cancellation) =>
        {
            // While stopping, tell the load balancer to send new conversations elsewhere.
            if (lifetime.ApplicationStopping.IsCancellationRequested)
                return Results.Json(new { status = "stopping" }, statusCode: 503);
            try
            {
                await using var db = databases.Create();
                return await db.Database.CanConnectAsync(cancellation)
                    ? Results.Ok(new { status = "ready" })
                    : Results.Json(new { status = "database unavailable" }, statusCode: 503);
            }
            catch (Exception) when (!cancellation.IsCancellationRequested)
            {
                return Results.Json(new { status = "database unavailable" }, statusCode: 503);
            }
        });
        return app;
    }
}
