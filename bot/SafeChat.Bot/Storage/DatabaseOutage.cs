using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace SafeChat.Bot.Storage;

/// <summary>
/// When the database is briefly away (a restart, a failover, a busy SQLite file), callers get a clear 503 with
/// Retry-After instead of a bare 500. Nothing half-done was kept: every write is one transaction. Twilio then tries
/// its fallback URL or the message again (the MessageSid keeps it once), Web Chat offers "retry" (the
/// clientActivityID keeps it once), and the person's message is never lost silently.
/// </summary>
public static class DatabaseOutage
{
    public const int RetryAfterSeconds = 5;

    public static IApplicationBuilder UseDatabaseOutageAnswers(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception error) when (IsOutage(error) && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("SafeChat.Storage")
                    .LogWarning("Database unavailable ({Error}); answered {Path} with 503", error.GetType().Name, context.Request.Path.Value);
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString();
                await Answer(context).ExecuteAsync(context);
            }
        });

    /// <summary>In the caller's own language: Direct Line's error shape, TwiML-free text for Twilio, plain text otherwise.</summary>
    private static IResult Answer(HttpContext context) =>
        context.Request.Path.StartsWithSegments(Channels.DirectLine.DirectLineChannel.BasePath)
            ? Channels.DirectLine.DirectLineErrors.Error(503, "ServiceUnavailable",
                "SafeChat cannot store messages for a moment. Nothing was kept; send it again in a few seconds.")
            : Results.Text("SafeChat cannot reach its database for a moment. Nothing was kept; try again in a few seconds.",
                statusCode: StatusCodes.Status503ServiceUnavailable);

    /// <summary>True for failures that say "the database is not reachable right now", anywhere in the chain.</summary>
    public static bool IsOutage(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case NpgsqlException npgsql when npgsql.IsTransient:
                case SqliteException { SqliteErrorCode: 5 or 6 }: // SQLITE_BUSY, SQLITE_LOCKED
                case SocketException:
                case TimeoutException:
                // Npgsql's "connection is not open / broken" while the server restarts, from a pooled connection it had.
                case InvalidOperationException { Source: "Npgsql" }:
                    return true;
            }
        }
        return false;
    }
}
