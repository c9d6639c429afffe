using System.Text.RegularExpressions;
using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.Faults;

/// <summary>Someone making a report by SMS; Twilio's webhook calls go out through <see cref="Delivery"/>.</summary>
public sealed class SmsReporter(string number, FakeTwilioApi twilio, Delivery delivery)
{
    public static readonly string[] Steps = SafeChat.Testing.Journeys.ReportOnSms;

    public string Number => number;

    /// <summary>Sends one step (one MessageSid, however often it is sent) and waits until SafeChat has answered it.</summary>
    public async Task SayAsync(int step, int first, Action<int>? acknowledgedBy = null)
    {
        var before = twilio.To(number).Count;
        var sid = $"SM{number[1..]}{step:D4}";
        await delivery.SendAsync(first, instance => new TwilioPhone(instance, number).SendAsync(Steps[step], messageSid: sid), acknowledgedBy);
        await WaitAsync(sent => sent.Count > before);
        await Task.Delay(100); // a reply in several parts arrives one part at a time
    }

    /// <summary>The report code SafeChat texted back.</summary>
    public async Task<string> CodeAsync()
    {
        var sent = await WaitAsync(s => s.Any(m => m.Body.Contains("status ")));
        return Regex.Match(sent.Last(m => m.Body.Contains("status ")).Body, @"status ([A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5})").Groups[1].Value;
    }

    // Recovery after a fault may take a lease's length (45 s); the default wait is for a healthy service.
    private Task<IReadOnlyList<FakeTwilioApi.Sent>> WaitAsync(Func<IReadOnlyList<FakeTwilioApi.Sent>, bool> done) =>
        twilio.WaitForAsync(number, done, within: TimeSpan.FromSeconds(90));
}
