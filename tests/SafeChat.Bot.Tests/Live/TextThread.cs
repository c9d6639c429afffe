using System.Text.RegularExpressions;
using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.Live;

/// <summary>
/// The person's side of an SMS or WhatsApp conversation as their phone shows it: what they send through the webhook, and
/// the messages Twilio's stand-in accepted for their number since the last look.
/// </summary>
public sealed class TextThread(FakeTwilioApi twilio, TwilioPhone phone)
{
    private int _seen;

    public TwilioPhone Phone => phone;

    /// <summary>Sends, then waits until a message containing <paramref name="until"/> arrives; returns all that arrived.</summary>
    public async Task<string> SayAsync(string text, string until)
    {
        await phone.SendAsync(text);
        return await WaitForAsync(until);
    }

    public async Task<string> WaitForAsync(string until, TimeSpan? within = null)
    {
        var sent = await twilio.WaitForAsync(phone.Address, s => New(s).Contains(until), () => $"waiting for '{until}'", within);
        var shown = New(sent);
        _seen = sent.Count;
        return shown;
    }

    /// <summary>What arrived and was not looked at yet (without waiting).</summary>
    public IReadOnlyList<FakeTwilioApi.Sent> Unread() => [.. twilio.To(phone.Address).Skip(_seen)];

    /// <summary>The number of a numbered choice on SMS ("3. Met een mens praten" → "3").</summary>
    public static string Number(string list, string title) =>
        Regex.Match(list, $@"(\d+)\. {Regex.Escape(title)}") is { Success: true } found ? found.Groups[1].Value
            : throw new Xunit.Sdk.XunitException($"no choice '{title}' in:\n{list}");

    private string New(IReadOnlyList<FakeTwilioApi.Sent> sent) => string.Join("\n---\n", sent.Skip(_seen).Select(twilio.Shown));
}
