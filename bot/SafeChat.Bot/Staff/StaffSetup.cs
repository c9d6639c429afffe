using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using SafeChat.Bot.Staff.Accounts;
using SafeChat.Bot.Staff.Administration;
using SafeChat.Bot.Staff.Api;
using SafeChat.Bot.Staff.Audit;
using SafeChat.Bot.Staff.Cases;
using SafeChat.Bot.Staff.Escalation;
using SafeChat.Bot.Staff.Queue;
using SafeChat.Bot.Staff.Statistics;

namespace SafeChat.Bot.Staff;

/// <summary>The staff application: sign-in, queue, cases, audit, statistics, and the same as a JSON API.</summary>
public static class StaffSetup
{
    /// <summary>The session cookie. Outside Development it is <c>__Host-</c>: the browser then only keeps it when it came
    /// over HTTPS, for the whole site, from this host alone (no subdomain can set or read it).</summary>
    public static string CookieName(bool development) => development ? "safechat-staff" : "__Host-safechat-staff";

    public static IServiceCollection AddStaff(this IServiceCollection services, bool development)
    {
        // Behind a TLS proxy the request looks like plain HTTP: Secure must not depend on it (the forwarded headers of a
        // known proxy restore the scheme for everything else). Only a developer's machine runs without TLS.
        var secure = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        var path = development ? "/staff" : "/";
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<StaffAccounts>();
        services.AddSingleton<StaffAdministration>();
        services.AddSingleton<QueueService>();
        services.AddSingleton<CaseService>();
        services.AddSingleton<StatisticsService>();
        services.AddSingleton<EscalationJob>();
        services.AddSingleton<Live.LiveService>();
        services.AddHostedService(sp => sp.GetRequiredService<EscalationJob>());
        // A redirect could take the message somewhere the receiver never agreed to: it is an error, not followed.
        services.AddHttpClient("escalation", client => client.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
        {
            cookie.Cookie.Name = CookieName(development);
            cookie.Cookie.Path = path;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = secure;
            cookie.LoginPath = "/staff/sign-in";
            cookie.AccessDeniedPath = "/staff/denied";
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            cookie.SlidingExpiration = true;
            // The API answers with status codes; only pages redirect to the sign-in form.
            cookie.Events.OnValidatePrincipal = StaffSessions.ValidateAsync;
            cookie.Events.OnRedirectToLogin = context => ApiOrRedirect(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => ApiOrRedirect(context, StatusCodes.Status403Forbidden);
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffRoles.AnyStaff, policy => policy.RequireRole(StaffRoles.All.ToArray()).RequireAssertion(NotOnOneTimePassword))
            .AddPolicy(StaffRoles.Supervisors, policy => policy.RequireRole(StaffRoles.Supervisor, StaffRoles.Admin).RequireAssertion(NotOnOneTimePassword))
            .AddPolicy(StaffRoles.Admins, policy => policy.RequireRole(StaffRoles.Admin).RequireAssertion(NotOnOneTimePassword))
            .AddPolicy(StaffRoles.SignedIn, policy => policy.RequireAuthenticatedUser())
            // A staff route mapped without a policy is closed to all but full staff sessions, instead of open to anyone.
            // Only /staff: the chat, Direct Line, Twilio and health endpoints are public by design, and an unknown public
            // path stays a 404 rather than a redirect to the staff sign-in.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder()
                .RequireAssertion(context => !IsStaffRequest(context.Resource) || FullStaffSession(context)).Build());
        services.AddAntiforgery(options =>
        {
            options.HeaderName = StaffApi.CsrfHeader;
            options.Cookie.Name = development ? "safechat-staff-csrf" : "__Host-safechat-staff-csrf";
            options.Cookie.Path = path;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = secure;
        });
        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Staff";
            // Default for every page: signed in. The work itself needs a full staff session (not a one-time password).
            options.Conventions.AuthorizeFolder("/", StaffRoles.SignedIn);
            foreach (var work in new[] { "/Queue", "/Cases", "/Live", "/Statistics", "/Audit" })
                options.Conventions.AuthorizeFolder(work, StaffRoles.AnyStaff);
            options.Conventions.AuthorizeFolder("/Administration", StaffRoles.Admins);
            options.Conventions.AllowAnonymousToPage("/Accounts/SignInPage");
            options.Conventions.AllowAnonymousToPage("/Accounts/DeniedPage");
            options.Conventions.AuthorizePage("/Audit/AuditPage", StaffRoles.Supervisors);
            options.Conventions.AuthorizePage("/Queue/OverduePage", StaffRoles.Supervisors);
        });
        return services;
    }

    /// <summary>
    /// Staff cookies are Secure: over plain HTTP (no TLS proxy, or one SafeChat does not know) the browser is sent to
    /// HTTPS before anything reads or sets a cookie. 308 keeps the method. Runs before authentication.
    /// </summary>
    public static WebApplication UseStaffOverHttps(this WebApplication app)
    {
        if (app.Environment.IsDevelopment()) return app;
        app.Use((context, next) =>
        {
            if (context.Request.IsHttps || !context.Request.Path.StartsWithSegments("/staff")) return next(context);
            context.Response.StatusCode = StatusCodes.Status308PermanentRedirect;
            context.Response.Headers.Location = UriHelper.BuildAbsolute(Uri.UriSchemeHttps, context.Request.Host, context.Request.PathBase, context.Request.Path, context.Request.QueryString);
            return Task.CompletedTask;
        });
        return app;
    }

    public static WebApplication MapStaff(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/staff"), staff => staff.Use(async (context, next) =>
        {
            context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy(context.Request.Path);
            context.Response.Headers.CacheControl = "no-store";
            await next();
        }));
        app.MapRazorPages();
        app.MapStaffApi();
        return app;
    }

    /// <summary>
    /// Staff pages load only our own stylesheet; charts are inline SVG. The live chat pages alone also run our own script
    /// (/staff/live.js) and open its push stream and posts to the API: no inline script anywhere, no other origin.
    /// </summary>
    public static string ContentSecurityPolicy(PathString path)
    {
        var live = path.StartsWithSegments("/staff/live") ? "script-src 'self'; connect-src 'self'; " : "";
        return $"default-src 'none'; {live}style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    }

    private static bool NotOnOneTimePassword(AuthorizationHandlerContext context) =>
        !context.User.HasClaim(c => c.Type == StaffRoles.MustChangePasswordClaim);

    private static bool FullStaffSession(AuthorizationHandlerContext context) =>
        StaffRoles.All.Any(context.User.IsInRole) && NotOnOneTimePassword(context);

    /// <summary>Endpoint routing hands the request to policies as their resource.</summary>
    private static bool IsStaffRequest(object? resource) =>
        resource is not HttpContext http || http.Request.Path.StartsWithSegments("/staff");

    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/staff/api")) context.Response.StatusCode = status;
        else if (context.HttpContext.User.HasClaim(c => c.Type == StaffRoles.MustChangePasswordClaim)) context.Response.Redirect("/staff/password");
        // Relative, so behind a TLS proxy the browser stays on the address it used rather than one SafeChat pieced together.
        else context.Response.Redirect(Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : context.RedirectUri);
        return Task.CompletedTask;
    }
}
