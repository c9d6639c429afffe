using System.Net;
using System.Text.RegularExpressions;
using OtpNet;

namespace SafeChat.Testing;

/// <summary>
/// A new staff member's first sign-in as the browser makes it: the form with the printed one-time password and the
/// authenticator's code, then the required new password. Cookies go through <see cref="BehindTlsProxy"/>.
/// </summary>
public static partial class StaffSignIn
{
    public const string NewPassword = "een lang eigen wachtwoord";

    /// <summary>A client for one staff member on the SafeChat at <paramref name="baseUrl"/>, not signed in yet.</summary>
    /// <param name="timeout">Per request; a client that follows a push stream passes <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    public static HttpClient Browser(Uri baseUrl, CookieContainer cookies, TimeSpan? timeout = null) =>
        new(new BehindTlsProxy(cookies)) { BaseAddress = baseUrl, Timeout = timeout ?? TimeSpan.FromSeconds(60) };

    /// <summary>Signs in with the one-time password and sets <see cref="NewPassword"/>; false when either step is refused.</summary>
    public static async Task<bool> FirstTimeAsync(HttpClient browser, string email, string oneTimePassword, string totpSecret, DateTime now)
    {
        var code = new Totp(Base32Encoding.ToBytes(totpSecret)).ComputeTotp(now);
        var signedIn = await PostFormAsync(browser, "/staff/sign-in", "/staff/sign-in",
            new() { ["email"] = email, ["password"] = oneTimePassword, ["code"] = code });
        if (signedIn.Headers.Location?.OriginalString != "/staff/password") return false;
        var changed = await PostFormAsync(browser, "/staff/password", "/staff/password", new() { ["password"] = NewPassword, ["repeat"] = NewPassword });
        return changed.Headers.Location?.OriginalString == "/staff";
    }

    /// <summary>Posts a form as the browser would, with the anti-forgery token from the page that shows it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string path, string page, Dictionary<string, string>? fields = null)
    {
        var form = await browser.GetStringAsync(page);
        fields ??= [];
        fields["__RequestVerificationToken"] = Token().Match(form).Groups[1].Value;
        return await browser.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
