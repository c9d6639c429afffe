using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace SafeChat.Bot.Security.KeyRing;

/// <summary>
/// Where the data-protection keys live and how they are encrypted at rest: with a key-encryption key from the secret
/// store (<c>DataProtection:KeyEncryptionKey</c>, 32 random bytes in base64) or a certificate
/// (<c>DataProtection:CertificatePath</c> and <c>CertificatePassword</c>). Outside Development one of them is required:
/// SafeChat refuses to start with a key ring anyone who can read the folder could use.
/// </summary>
public static class KeyRingProtection
{
    public static IDataProtectionBuilder AddSafeChatDataProtection(this IServiceCollection services, IConfiguration config, string dataDirectory, bool development)
    {
        var builder = services.AddDataProtection()
            .SetApplicationName("SafeChat")
            .PersistKeysToFileSystem(new DirectoryInfo(config["DataProtection:KeysDirectory"] ?? Path.Combine(dataDirectory, "keys", "data-protection")));
        var kek = config["DataProtection:KeyEncryptionKey"];
        var certificate = config["DataProtection:CertificatePath"];
        if (!string.IsNullOrWhiteSpace(kek))
        {
            var keys = new KeyEncryptionKeys(kek, config.GetSection("DataProtection:PreviousKeyEncryptionKeys").Get<string[]>() ?? []);
            services.AddSingleton(keys);
            services.Configure<KeyManagementOptions>(options => options.XmlEncryptor = new KeyRingEncryptor(keys));
        }
        else if (!string.IsNullOrWhiteSpace(certificate))
        {
            builder.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(certificate, config["DataProtection:CertificatePassword"]));
        }
        else if (!development)
        {
            throw new InvalidOperationException(
                "Set DataProtection:KeyEncryptionKey (openssl rand -base64 32) or DataProtection:CertificatePath: the key ring that protects phone numbers, TOTP secrets and staff cookies must be encrypted at rest.");
        }
        return builder;
    }
}
