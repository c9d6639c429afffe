using System.Security.Cryptography;

namespace SafeChat.Bot.Channels;

/// <summary>A secret key from configuration, or generated once into the data folder (single-instance default).</summary>
public static class KeyFile
{
    public static byte[] Resolve(string? configured, string dataDirectory, string fileName)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var key = Convert.FromBase64String(configured);
            return key.Length >= 32 ? key : throw new InvalidOperationException($"The key for {fileName} must be at least 32 bytes (base64).");
        }
        var folder = Path.Combine(dataDirectory, "keys");
        var path = Path.Combine(folder, fileName);
        if (File.Exists(path)) return Convert.FromBase64String(File.ReadAllText(path).Trim());
        Directory.CreateDirectory(folder);
        var generated = RandomNumberGenerator.GetBytes(32);
        File.WriteAllText(path, Convert.ToBase64String(generated));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return generated;
    }
}
