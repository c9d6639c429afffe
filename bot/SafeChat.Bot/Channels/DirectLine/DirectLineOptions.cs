namespace SafeChat.Bot.Channels.DirectLine;

/// <summary>Section "DirectLine".</summary>
public sealed class DirectLineOptions
{
    /// <summary>
    /// Base64 key (at least 32 bytes) that signs conversation tokens. Every instance of a cluster needs the
    /// same one. When empty, a single instance generates one in its data folder on first start.
    /// </summary>
    public string? TokenSigningKey { get; set; }

    /// <summary>Optional server-side secret (never in a browser) for trusted clients such as the load benchmark. At
    /// least <see cref="MinSecretLength"/> characters, and never a template's placeholder: SafeChat refuses to start
    /// otherwise.</summary>
    public string? Secret { get; set; }

    public const int MinSecretLength = 32;

    /// <summary>Why the configured secret cannot be used, or null when it can (or none is set).</summary>
    public string? SecretProblem() =>
        string.IsNullOrEmpty(Secret) ? null
        : Secret.Contains("CHANGE-ME", StringComparison.OrdinalIgnoreCase) ? "DirectLine:Secret is still the template's placeholder; set a random secret or leave it empty."
        : Secret.Length < MinSecretLength ? $"DirectLine:Secret is shorter than {MinSecretLength} characters; use a long random secret or leave it empty."
        : null;

    /// <summary>
    /// DirectLineJS refreshes every 15 minutes whatever we say, so a token must live well beyond that;
    /// an hour also covers a page left open during a break.
    /// </summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Public origin (https://chat.example.nl) when behind a proxy; otherwise taken from the request.</summary>
    public string? PublicBaseUrl { get; set; }

    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long a poll with nothing new waits for the next activity before it answers "nothing" (long polling): the
    /// reply reaches a polling client the moment it is written instead of at its next poll, and a waiting client asks
    /// far less often. Zero answers at once. Well under DirectLineJS's 20 s request timeout and any proxy's idle limit.
    /// </summary>
    public TimeSpan EmptyPollWait { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long the answer to a posted message waits for the turn that answers it (the message itself is stored before the
    /// wait). As the Azure service with a bot that replies during its turn: when the client next looks, the reply is there.
    /// Zero answers as soon as the message is stored.
    /// </summary>
    public TimeSpan PostWaitForTurn { get; set; } = TimeSpan.FromSeconds(1);
}
