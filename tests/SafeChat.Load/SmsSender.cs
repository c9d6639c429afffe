using SafeChat.Bot.Channels.Twilio;

namespace SafeChat.Load;

/// <summary>
/// One person texting SafeChat: signed webhooks as Twilio sends them. Two figures: how fast the webhook is
/// acknowledged (what Twilio waits for) and how long until the reply reaches Twilio's API.
/// </summary>
/// <param name="think">Typing time before each message (the paced run); none: a closed loop at capacity.</param>
public sealed class SmsSender(HttpClient http, Uri instance, TwilioStandIn twilio, string authToken, string number, Latencies latencies,
    Func<TimeSpan>? think = null)
{
    public async Task RunAsync(CancellationToken cancellation)
    {
        var inbox = twilio.Inbox(number);
        var url = new Uri(instance, "/twilio/sms").ToString();
        foreach (var text in Journeys.ReportOnSms)
        {
            if (think is not null) await Task.Delay(think(), cancellation);
            while (inbox.Reader.TryRead(out _)) { } // replies to the previous message that came in several parts
            var form = new List<KeyValuePair<string, string>>
            {
                new("MessageSid", $"SM{Guid.NewGuid():N}"), new("AccountSid", Program.TwilioAccount), new("From", number),
                new("To", Program.TwilioNumber), new("Body", text), new("NumMedia", "0"),
            };
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
            request.Headers.Add("X-Twilio-Signature", TwilioRequestSigner.Sign(authToken, url, form));
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var response = await http.SendAsync(request, cancellation);
            latencies.Add("sms webhook ack", clock.Elapsed);
            if (!response.IsSuccessStatusCode) { latencies.Error(); return; }
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            wait.CancelAfter(TimeSpan.FromSeconds(30));
            await inbox.Reader.ReadAsync(wait.Token);
            latencies.Add("sms turn", clock.Elapsed);
            await Task.Delay(50, cancellation); // let the rest of a multi-part reply arrive before the next message
        }
    }
}
