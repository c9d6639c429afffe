namespace SafeChat.Bot.Staff.Accounts;

/// <summary>The URI an authenticator app reads (as a QR code or a link) to add a TOTP secret.</summary>
public static class OtpAuthUri
{
    public static string For(string email, string secret) =>
        $"otpauth://totp/SafeChat:{Uri.EscapeDataString(email)}?secret={secret}&issuer=SafeChat";
}
