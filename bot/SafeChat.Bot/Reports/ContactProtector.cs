using Microsoft.AspNetCore.DataProtection;

namespace SafeChat.Bot.Reports;

/// <summary>
/// Encrypts contact details and TOTP secrets at rest. The keys are kept by ASP.NET Core Data Protection outside
/// the database (a key folder, rotated every 90 days by default), so a copy of the database alone reveals nothing.
/// </summary>
public sealed class ContactProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("SafeChat.Contact.v1");

    public string Protect(string plain) => _protector.Protect(plain);
    public string Unprotect(string protectedText) => _protector.Unprotect(protectedText);
}
