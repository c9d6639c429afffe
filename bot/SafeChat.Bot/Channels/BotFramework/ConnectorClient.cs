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

    private async Task<HttpStatusCode> PostAsync(string url, Activity reply, bool fresh, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(reply, options: ActivityJson.Options) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetAsync(cancellation, fresh));
        using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellation);
        return response.StatusCode;
    }

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
            var status = await PostAsync(url, reply, fresh: false, cancellation);
            // 401: our cached token may just have been revoked or rolled over: once more with a fresh one.
            if (status == HttpStatusCode.Unauthorized) status = await PostAsync(url, reply, fresh: true, cancellation);
            if ((int)status is >= 200 and < 300) return new ConnectorResult(true, false, (int)status);
            // 429 and 5xx: the connector did not take it. 403 (the bot was blocked or removed), 404 and the rest will not get better.
            var transient = status == HttpStatusCode.TooManyRequests || (int)status >= 500;
            return new ConnectorResult(false, transient, (int)status);
        }
        catch (Exception failure) when (failure is HttpRequestException or Polly.CircuitBreaker.BrokenCircuitException or Polly.Timeout.TimeoutRejectedException
                                            or Microsoft.Identity.Client.MsalException or TaskCanceledException && !cancellation.IsCancellationRequested)
        {
            return new ConnectorResult(false, true, null);
        }
    }
}
