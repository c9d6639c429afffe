using System.Security.Cryptography;

namespace SafeChat.Bot.Security.KeyRing;

/// <summary>
/// The keys that encrypt the data-protection key ring at rest (AES-256-GCM), from settings: the current one encrypts new
/// keys, earlier ones still decrypt keys written before a rotation. Each is named by a short hash, stored with the key it
/// encrypted, so the right one is found without trying them all.
/// </summary>
public sealed class KeyEncryptionKeys
{
    public sealed record Key(string Id, byte[] Bytes);

    public KeyEncryptionKeys(string current, IEnumerable<string> previous)
    {
        Current = Parse(current, "DataProtection:KeyEncryptionKey");
        All = [Current, .. previous.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => Parse(p, "DataProtection:PreviousKeyEncryptionKeys"))];
    }

    public Key Current { get; }
    public IReadOnlyList<Key> All { get; }

    private static Key Parse(string base64, string setting)
    {
        byte[] bytes;
        try { bytes = Convert.FromBase64String(base64.Trim()); }
        catch (FormatException) { throw new InvalidOperationException($"{setting} is not base64 (openssl rand -base64 32)."); }
        if (bytes.Length != 32) throw new InvalidOperationException($"{setting} must be 32 bytes (openssl rand -base64 32), not {bytes.Length}.");
        return new Key(Convert.ToHexStringLower(SHA256.HashData(bytes))[..16], bytes);
    }
}
