using System.Security.Cryptography;
using SafeChat.Bot.Channels.DirectLine;
using SafeChat.Dialogs.Content;

namespace SafeChat.Bot.Channels.WebChat;

/// <summary>
/// The chat page at "/" and the token it starts with. The page loads nothing from anywhere else
/// (a strict Content-Security-Policy enforces that), sets no cookie and holds no secret.
/// </summary>
public static class WebChatPage
{
    private const string EmptyStyleHash = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";

    public static IEndpointRouteBuilder MapWebChatPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", ServePage);
        app.MapPost("/webchat/token", IssueToken).RequireRateLimiting(Security.RateLimits.Starts);
        return app;
    }

    /// <summary>A token for a conversation that does not exist yet; Web Chat starts it with this token.</summary>
    private static IResult IssueToken(HttpContext context, DirectLineTokens tokens)
    {
        NoStore(context.Response);
        var conversationId = DirectLineTokens.NewConversationId();
        var token = tokens.Issue(conversationId, DirectLineTokens.NewUserId());
        return Results.Ok(new ConversationResponse(conversationId, token, (int)tokens.Lifetime.TotalSeconds, null));
    }

    /// <summary>The page template, embedded (not in wwwroot) so it is only ever served filled in, with its headers.</summary>
    private static readonly Lazy<string> Template = new(() =>
    {
        using var stream = typeof(WebChatPage).Assembly.GetManifestResourceStream("chat-page.html")
                           ?? throw new InvalidOperationException("The chat page template is missing from the build.");
        return new StreamReader(stream).ReadToEnd();
    });

    private static async Task ServePage(HttpContext context, WebChatOptions options, ContentCatalog content)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var html = Template.Value
            .Replace("{{nonce}}", nonce, StringComparison.Ordinal)
            .Replace("{{languages}}", System.Net.WebUtility.HtmlEncode(PageLanguages.Json(content)), StringComparison.Ordinal)
            .Replace("{{quickExitUrl}}", System.Net.WebUtility.HtmlEncode(options.QuickExitUrl), StringComparison.Ordinal);

        var response = context.Response;
        NoStore(response);
        response.Headers.ContentSecurityPolicy =
            "default-src 'none'; " +
            $"script-src 'self' 'nonce-{nonce}'; " +
            // Web Chat sets one empty inline style; allow exactly that (the hash of "") and nothing else inline.
            $"style-src 'self' 'nonce-{nonce}' 'unsafe-hashes' '{EmptyStyleHash}'; " +
            "connect-src 'self'; img-src 'self' data: blob:; font-src 'self' data:; media-src 'none'; " +
            "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        response.Headers["Permissions-Policy"] = "geolocation=(), microphone=(), camera=()";
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(html);
    }

    /// <summary>Nothing about a visit should stay in caches on a shared device.</summary>
    private static void NoStore(HttpResponse response) => response.Headers.CacheControl = "no-store";
}
