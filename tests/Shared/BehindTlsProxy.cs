using System.Net;

namespace SafeChat.Testing;

/// <summary>
/// A browser that reaches SafeChat through a TLS-terminating proxy, as in production: the proxy (on loopback, a known
/// proxy of the test hosts) says the request came over HTTPS, and the browser keeps cookies for the https origin — so
/// Secure and <c>__Host-</c> cookies go back and forth as they would, over the tests' plain loopback HTTP.
/// </summary>
public sealed class BehindTlsProxy(CookieContainer cookies) : DelegatingHandler(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
{
    /// <summary>What the proxy adds to every request (a real browser in the tests gets these as extra headers).</summary>
    public static readonly IReadOnlyDictionary<string, string> Headers = new Dictionary<string, string> { ["X-Forwarded-Proto"] = "https" };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var origin = AsSeenByTheBrowser(request.RequestUri!);
        foreach (var (name, value) in Headers) request.Headers.Add(name, value);
        if (cookies.GetCookieHeader(origin) is { Length: > 0 } header) request.Headers.Add("Cookie", header);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
            foreach (var cookie in set) cookies.SetCookies(origin, cookie);
        return response;
    }

    private static Uri AsSeenByTheBrowser(Uri uri) => new UriBuilder(uri) { Scheme = Uri.UriSchemeHttps }.Uri;
}
