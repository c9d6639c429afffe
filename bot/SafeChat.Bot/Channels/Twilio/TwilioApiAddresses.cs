namespace SafeChat.Bot.Channels.Twilio;

/// <summary>
/// The Twilio SDK always calls https://api.twilio.com and https://content.twilio.com. When ApiBaseUrl or
/// ContentApiBaseUrl name another origin (a test stand-in, an egress proxy), this handler under the SDK's HttpClient
/// sends the request there instead, path and query unchanged.
/// </summary>
public sealed class TwilioApiAddresses(TwilioOptions options) : DelegatingHandler
{
    public const string ApiOrigin = "https://api.twilio.com";
    public const string ContentOrigin = "https://content.twilio.com";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri)
        {
            var target = uri.Host == new Uri(ContentOrigin).Host ? options.ContentApiBaseUrl : uri.Host == new Uri(ApiOrigin).Host ? options.ApiBaseUrl : null;
            if (target is not null && !target.TrimEnd('/').Equals(uri.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
                request.RequestUri = new Uri(target.TrimEnd('/') + uri.PathAndQuery);
        }
        return base.SendAsync(request, cancellationToken);
    }
}
