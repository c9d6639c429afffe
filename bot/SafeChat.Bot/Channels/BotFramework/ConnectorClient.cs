using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using SafeChat.Dialogs.Activities;

namespace SafeChat.Bot.Channels.BotFramework;

public sealed record ConnectorResult(bool Accepted, bool Transient, int? Status);

/// <summary>
/// Posts one reply to the channel's Bot Connector: /v3/conversations/{id}/activities/{replyToId} (or /activities when
/// there is nothing to answer), with SafeChat's bearer token. Retries, circuit breaker and timeouts are the HttpClient's.
/// </summary>
public sealed class ConnectorClient(IHttpClientFactory httpClients, ConnectorTokens tokens)
{
    public const string HttpClientName = "botframework-connector";

    public async Task<ConnectorResult> SendAsync(ConversationReference to, Activity reply, CancellationToken cancellation)
    {
        var url = $"{to.ServiceUrl.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(to.ConversationId)}/activities"
                  + (to.ReplyToId is { } replyTo ? "/" + Uri.EscapeDataString(replyTo) : "");
        reply.Type = ActivityTypes.Message;
        reply.ChannelId = to.ChannelId;
        reply.Conversation = new ConversationAccount { Id = to.ConversationId };
        reply.From = to.Bot is null ? reply.From : new ChannelAccount { Id = to.Bot.Id, Name = to.Bot.Name, Role = "bot" };
        reply.Recipient = to.User;
        reply.ReplyToId = to.ReplyToId;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(reply, options: ActivityJson.Options) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(cancellation));
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellation);
            if (response.IsSuccessStatusCode) return new ConnectorResult(true, false, (int)response.StatusCode);
            // 429 and 5xx: the connector did not take it. 401/403: our token may have just rolled over. Other 4xx will not get better.
            var transient = response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || (int)response.StatusCode >= 500;
            return new ConnectorResult(false, transient, (int)response.StatusCode);
        }
        catch (Exception failure) when (failure is HttpRequestException or Polly.CircuitBreaker.BrokenCircuitException or Polly.Timeout.TimeoutRejectedException
                                            or Microsoft.Identity.Client.MsalException or TaskCanceledException && !cancellation.IsCancellationRequested)
        {
            return new ConnectorResult(false, true, null);
        }
    }
}
