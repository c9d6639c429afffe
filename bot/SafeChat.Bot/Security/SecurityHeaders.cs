namespace SafeChat.Bot.Security;

/// <summary>
/// Headers every response carries: no MIME sniffing, no referrer (a URL must not tell another site someone used
/// SafeChat), never framed by another site, and HSTS on HTTPS outside Development. Pages that set their own
/// Content-Security-Policy keep it.
/// </summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this WebApplication app)
    {
        var development = app.Environment.IsDevelopment();
        return app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            context.Response.OnStarting(() =>
            {
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers.XFrameOptions = "DENY";
                if (!headers.ContainsKey("Content-Security-Policy")) headers.ContentSecurityPolicy = "frame-ancestors 'none'";
                if (context.Request.IsHttps && !development) headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
