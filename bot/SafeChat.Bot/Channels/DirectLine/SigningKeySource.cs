
namespace SafeChat.Bot.Channels.DirectLine;

/// <summary>The token signing key: from configuration, or generated once into the data folder.</summary>
public static class SigningKeySource
{
    public static byte[] Resolve(DirectLineOptions options, string dataDirectory) =>
        KeyFile.Resolve(options.TokenSigningKey, dataDirectory, "directline-token.key");
}
