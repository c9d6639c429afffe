using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using SafeChat.Bot.Channels.DirectLine;

namespace SafeChat.Bot.Security;

/// <summary>
/// Limits on the public chat, with ASP.NET Core's rate limiter: per client address (behind the forwarded headers of
/// known proxies only), per conversation, and streams per conversation; and staff sign-in attempts per address. A refused request gets 429 with Retry-After in
/// Direct Line's error shape, which Web Chat and DirectLineJS retry after.
/// </summary>
public static class RateLimits
{
    public const string Starts = "starts", Posts = "posts", Streams = "streams";

    public static IServiceCollection AddSafeChatRateLimits(this IServiceCollection services, RateLimitOptions limits)
    {
        services.AddSingleton(limits);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in limits.KnownProxies) options.KnownProxies.Add(IPAddress.Parse(proxy));
        });
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsSignIn(context)
                    ? RateLimitPartition.GetFixedWindowLimiter("sign-in:" + Address(context), _ => PerMinute(limits.SignInsPerMinutePerAddress))
                : IsPublicChat(context) && !Trusted(context)
                    ? RateLimitPartition.GetFixedWindowLimiter("address:" + Address(context), _ => PerMinute(limits.RequestsPerMinutePerAddress))
                    : RateLimitPartition.GetNoLimiter(""));
            options.AddPolicy(Starts, context => Trusted(context)
                ? RateLimitPartition.GetNoLimiter("")
                : RateLimitPartition.GetFixedWindowLimiter("starts:" + Address(context), _ => PerMinute(limits.StartsPerMinutePerAddress)));
            options.AddPolicy(Posts, context => Trusted(context)
                ? RateLimitPartition.GetNoLimiter("")
                : RateLimitPartition.GetSlidingWindowLimiter("posts:" + Conversation(context), _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = limits.PostsPerMinutePerConversation, Window = TimeSpan.FromMinutes(1), SegmentsPerWindow = 6,
                }));
            options.AddPolicy(Streams, context => RateLimitPartition.GetConcurrencyLimiter("streams:" + Conversation(context),
                _ => new ConcurrencyLimiterOptions { PermitLimit = limits.StreamsPerConversation, QueueLimit = 0 }));
        });
        return services;
    }

    private static FixedWindowRateLimiterOptions PerMinute(int permits) =>
        new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };

    /// <summary>Guessing staff passwords from one address is slowed before any account locks.</summary>
    private static bool IsSignIn(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals("/staff/sign-in", StringComparison.OrdinalIgnoreCase);

    private static bool IsPublicChat(HttpContext context) =>
        context.Request.Path.StartsWithSegments(DirectLineChannel.BasePath) || context.Request.Path.StartsWithSegments("/webchat");

    /// <summary>A trusted server with the Direct Line secret (never a browser) is not limited.</summary>
    private static bool Trusted(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
               && context.RequestServices.GetRequiredService<DirectLineAuthenticator>().IsSecret(header["Bearer ".Length..].Trim());
    }

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static string Conversation(HttpContext context) =>
        context.Request.RouteValues.TryGetValue("conversationId", out var id) ? id?.ToString() ?? "" : "";

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellation)
    {
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : 10;
        rejected.HttpContext.Response.Headers.RetryAfter = Math.Max(1, seconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await rejected.HttpContext.Response.WriteAsJsonAsync(
            new { error = new { code = "TooManyRequests", message = $"Too many requests. Try again in {Math.Max(1, seconds)} seconds." } }, cancellation);
    }
}
