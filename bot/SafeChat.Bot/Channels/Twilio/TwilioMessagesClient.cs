using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace SafeChat.Bot.Channels.Twilio;

public sealed record SendResult(bool Accepted, string? Sid, int? ErrorCode, bool Transient);

/// <summary>
/// Sends one message through the Twilio SDK (MessageResource). Retries, the circuit breaker and timeouts are the
/// HttpClient's (see TwilioSetup); this class only says whether Twilio took the message, and if not whether trying
/// again later can help.
/// </summary>
public sealed class TwilioMessagesClient(TwilioRestClients clients, TwilioOptions options)
{
    /// <summary>Sends text, or Content API content (quick replies, templates) when a ContentSid is given.</summary>
    public async Task<SendResult> SendAsync(string to, string body, string? contentSid, string? statusCallback, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        var from = to.StartsWith("whatsapp:", StringComparison.Ordinal) ? options.WhatsAppFrom : options.SmsFrom;
        var message = new CreateMessageOptions(new PhoneNumber(to)) { From = new PhoneNumber(from ?? "") };
        if (contentSid is null) message.Body = body;
        else message.ContentSid = contentSid;
        if (statusCallback is not null) message.StatusCallback = new Uri(statusCallback);
        try
        {
            var created = await MessageResource.CreateAsync(message, clients.Create());
            return new SendResult(true, created.Sid, null, false);
        }
        catch (ApiException unreadable) when (unreadable.InnerException is Newtonsoft.Json.JsonException)
        {
            // Twilio answered 2xx with a body the SDK could not read: the message exists. Sending it again would send it twice.
            return new SendResult(true, null, null, false);
        }
        catch (ApiException refused)
        {
            // 429 and 5xx mean Twilio did not take the message: safe to try again later. Other 4xx will not get better.
            // Status 0 is an answer the SDK could not read at all: not known to be taken either.
            var transient = refused.Status is 0 or 429 or >= 500;
            return new SendResult(false, null, refused.Code == 0 ? null : refused.Code, transient);
        }
        catch (ApiConnectionException)
        {
            // No answer: the connection failed, the circuit is open or the attempts timed out (the pipeline's own errors).
            return new SendResult(false, null, null, true);
        }
    }
}
