using Microsoft.EntityFrameworkCore;
using SafeChat.Bot.Storage;

namespace SafeChat.Bot.Health;

/// <summary>Liveness (the process answers) and readiness (the models are loaded and the database answers too).</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health/live", () => Results.Ok(new { status = "live" }));
        app.MapGet("/health/ready", async (SafeChatDbFactory databases, IHostApplicationLifetime lifetime,
            Conversations.EngineReadiness engine, CancellationToken cancellation) =>
        {
            // While stopping, tell the load balancer to send new conversations elsewhere.
            if (lifetime.ApplicationStopping.IsCancellationRequested)
                return Results.Json(new { status = "stopping" }, statusCode: 503);
            // Until the models are loaded the first replies would take seconds: let the instances that have them answer.
            if (!engine.IsWarm) return Results.Json(new { status = "warming up" }, statusCode: 503);
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
