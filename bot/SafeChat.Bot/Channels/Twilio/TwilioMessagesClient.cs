using System.Net;
using System.Text;
using System.Text.Json;

namespace SafeChat.Bot.Channels.Twilio;

public sealed record SendResult(bool Accepted, string? Sid, int? ErrorCode, bool Transient);

/// <summary>
/// Twilio's Messages API on a plain HttpClient (the Twilio SDK is not available here). Retries, the circuit
/// breaker and timeouts come from the resilience pipeline registered with the client (see TwilioSetup).
/// </summary>
public sealed class TwilioMessagesClient(HttpClient http, TwilioOptions options)
{
    /// <summary>Sends text, or Content API content (quick replies, templates) when a ContentSid is given.</summary>
    public async Task<SendResult> SendAsync(string to, string body, string? contentSid, string? statusCallback, CancellationToken cancellation)
    {
        var from = to.StartsWith("whatsapp:", StringComparison.Ordinal) ? options.WhatsAppFrom : options.SmsFrom;
        var form = new List<KeyValuePair<string, string>> { new("To", to), new("From", from ?? "") };
        form.Add(contentSid is null ? new("Body", body) : new("ContentSid", contentSid));
        if (statusCallback is not null) form.Add(new("StatusCallback", statusCallback));
        using var request = new HttpRequestMessage(HttpMethod.Post,
            $"{options.ApiBaseUrl.TrimEnd('/')}/2010-04-01/Accounts/{options.AccountSid}/Messages.json")
        {
            Content = new FormUrlEncodedContent(form),
        };
        request.Headers.Authorization = options.BasicAuthorization();
        try
        {
            using var response = await http.SendAsync(request, cancellation);
            var json = await response.Content.ReadAsStringAsync(cancellation);
            if (response.IsSuccessStatusCode)
                return new SendResult(true, Read(json, "sid"), null, false);
            var code = int.TryParse(Read(json, "code"), out var parsed) ? parsed : (int?)null;
            // 429 and 5xx mean Twilio did not take the message: safe to try again later. Other 4xx will not get better.
            var transient = response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500;
            return new SendResult(false, null, code, transient);
        }
        catch (Exception failure) when (failure is HttpRequestException or Polly.CircuitBreaker.BrokenCircuitException or Polly.Timeout.TimeoutRejectedException or TaskCanceledException && !cancellation.IsCancellationRequested)
        {
            return new SendResult(false, null, null, true);
        }
    }

    private static string? Read(string json, string property)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.TryGetProperty(property, out var value) ? value.ToString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
