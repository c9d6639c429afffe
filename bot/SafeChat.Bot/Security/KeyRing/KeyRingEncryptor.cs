using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace SafeChat.Bot.Security.KeyRing;

/// <summary>
/// Encrypts each data-protection key before it is written to the key folder: someone who copies that folder (a backup, a
/// shared volume) gets nothing that opens phone numbers, TOTP secrets or staff cookies without the key-encryption key,
/// which lives in the secret store instead. AES-256-GCM, a fresh nonce per key, the key's id bound as associated data.
/// </summary>
public sealed class KeyRingEncryptor(KeyEncryptionKeys keys) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var key = keys.Current;
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var cipher = new byte[plain.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using (var aes = new AesGcm(key.Bytes, tag.Length)) aes.Encrypt(nonce, plain, cipher, tag, Encoding.UTF8.GetBytes(key.Id));
        CryptographicOperations.ZeroMemory(plain);
        var element = new XElement("safechatEncryptedKey",
            new XAttribute("kek", key.Id),
            new XElement("nonce", Convert.ToBase64String(nonce)),
            new XElement("tag", Convert.ToBase64String(tag)),
            new XElement("value", Convert.ToBase64String(cipher)));
        return new EncryptedXmlInfo(element, typeof(KeyRingDecryptor));
    }
}

/// <summary>Opens what <see cref="KeyRingEncryptor"/> wrote, with the current or an earlier key-encryption key.</summary>
public sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var id = (string?)encryptedElement.Attribute("kek");
        var key = services.GetRequiredService<KeyEncryptionKeys>().All.FirstOrDefault(k => k.Id == id)
                  ?? throw new CryptographicException($"The key ring holds a key encrypted with key-encryption key {id}, which is not configured (DataProtection:PreviousKeyEncryptionKeys?).");
        var nonce = Convert.FromBase64String((string)encryptedElement.Element("nonce")!);
        var tag = Convert.FromBase64String((string)encryptedElement.Element("tag")!);
        var cipher = Convert.FromBase64String((string)encryptedElement.Element("value")!);
        var plain = new byte[cipher.Length];
        using (var aes = new AesGcm(key.Bytes, tag.Length)) aes.Decrypt(nonce, cipher, tag, plain, Encoding.UTF8.GetBytes(key.Id));
        try { return XElement.Parse(Encoding.UTF8.GetString(plain)); }
        finally { CryptographicOperations.ZeroMemory(plain); }
    }
}
