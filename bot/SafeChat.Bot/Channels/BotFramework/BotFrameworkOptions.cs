namespace SafeChat.Bot.Channels.BotFramework;

/// <summary>
/// Section "BotFramework": SafeChat registered as a bot in Azure Bot Service (Teams, Telegram, Facebook Messenger,
/// Slack, e-mail, Azure's own Direct Line). Without an AppId the channel is off and /api/messages answers 404.
/// </summary>
public sealed class BotFrameworkOptions
{
    /// <summary>The bot's Microsoft App ID: the audience of the channel's tokens, and the client that asks for ours.</summary>
    public string? AppId { get; set; }

    /// <summary>The client secret (MultiTenant and SingleTenant); not used with a managed identity.</summary>
    public string? AppPassword { get; set; }

    /// <summary>The Entra ID tenant of a SingleTenant or UserAssignedMSI bot.</summary>
    public string? TenantId { get; set; }

    public BotAppType AppType { get; set; } = BotAppType.MultiTenant;

    /// <summary>Where the channel's signing keys are published (with their endorsements).</summary>
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Overrides the token URL SafeChat asks for its own tokens (sovereign clouds; a local stand-in in tests).</summary>
    public string? TokenEndpoint { get; set; }

    /// <summary>Base64 key (at least 32 bytes) for the keyed hash that names a channel's conversation; the same on every instance.
    /// Generated into the data folder when empty.</summary>
    public string? AddressKey { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(AppId);

    /// <summary>The issuer of every token the channel sends (US Government: https://api.botframework.us).</summary>
    public string ChannelIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>What SafeChat's own tokens are for: the Bot Connector service (US Government: https://api.botframework.us/.default).</summary>
    public string ConnectorScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>Where SafeChat asks Entra ID for its token (US Government: https://login.microsoftonline.us).</summary>
    public string AuthorityHost { get; set; } = "https://login.microsoftonline.com";

    /// <summary>The resource a managed identity asks a token for: the scope without "/.default".</summary>
    public string ConnectorResource => ConnectorScope.EndsWith("/.default", StringComparison.Ordinal) ? ConnectorScope[..^"/.default".Length] : ConnectorScope;

    /// <summary>The tenant a MultiTenant bot asks for tokens in.</summary>
    public const string MultiTenantAuthority = "botframework.com";
}

public enum BotAppType
{
    MultiTenant,
    SingleTenant,
    UserAssignedMSI,
}
