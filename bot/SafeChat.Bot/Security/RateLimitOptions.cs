namespace SafeChat.Bot.Security;

/// <summary>
/// Section "RateLimits": how much one client address (or one conversation) may ask of the public chat. Generous for a
/// person typing, tight for a script. Requests with the server-side Direct Line secret (a trusted server) are not limited.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>New tokens and new conversations per client address per minute.</summary>
    public int StartsPerMinutePerAddress { get; set; } = 20;

    /// <summary>Messages posted into one conversation per minute (a person sends a few).</summary>
    public int PostsPerMinutePerConversation { get; set; } = 40;

    /// <summary>All public chat requests per client address per minute (DirectLineJS polls once a second).</summary>
    public int RequestsPerMinutePerAddress { get; set; } = 600;

    /// <summary>Staff sign-in attempts per client address per minute, besides the lockout per account.</summary>
    public int SignInsPerMinutePerAddress { get; set; } = 10;

    /// <summary>Open streams (WebSockets) per conversation at once.</summary>
    public int StreamsPerConversation { get; set; } = 4;

    /// <summary>Proxies whose X-Forwarded-For is believed (their addresses); without them the connection's address counts.</summary>
    public List<string> KnownProxies { get; set; } = [];
}
