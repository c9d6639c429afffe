using Twilio.Clients;
using Twilio.Http;

namespace SafeChat.Bot.Channels.Twilio;

/// <summary>
/// The Twilio SDK's REST client on an HttpClient from IHttpClientFactory, so every SDK call goes through the
/// resilience pipeline registered in TwilioSetup (retries, circuit breaker, timeouts) and the address handler.
/// Authenticated with the API key when one is set, otherwise with the account SID and auth token.
/// </summary>
public sealed class TwilioRestClients(IHttpClientFactory httpClients, TwilioOptions options)
{
    public const string HttpClientName = "twilio";

    public ITwilioRestClient Create() => new TwilioRestClient(
        options.ApiKeySid ?? options.AccountSid, options.ApiKeySid is null ? options.AuthToken : options.ApiKeySecret,
        accountSid: options.AccountSid, httpClient: new SystemNetHttpClient(httpClients.CreateClient(HttpClientName)));
}
