using System.Security.Cryptography;

namespace SafeChat.Bot.Channels.DirectLine;

/// <summary>The token signing key: from configuration, or generated once into the data folder.</summary>
public static class SigningKeySource
{
    public static byte[] Resolve(DirectLineOptions options, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(options.TokenSigningKey))
        {
            var configured = Convert.FromBase64String(options.TokenSigningKey);
            if (configured.Length < 32) throw new InvalidOperationException("DirectLine:TokenSigningKey must be at least 32 bytes (base64).");
            return configured;
        }
        var folder = Path.Combine(dataDirectory, "keys");
        var path = Path.Combine(folder, "directline-token.key");
        if (File.Exists(path)) return Convert.FromBase64String(File.ReadAllText(path).Trim());

        Directory.CreateDirectory(folder);
        var key = RandomNumberGenerator.GetBytes(32);
        File.WriteAllText(path, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return key;
    }
}
