using System.Diagnostics;
using System.Text.Json;
using SafeChat.Bot.Channels.Twilio;
using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.Twilio;

/// <summary>
/// The official `twilio` npm package signs SafeChat-shaped requests exactly as the test stand-in does, and SafeChat's check
/// (the Twilio SDK's RequestValidator) accepts what it signs.
/// </summary>
public class NpmOracleTests
{
    private static readonly (string Url, KeyValuePair<string, string>[] Form)[] Requests =
    [
        ("https://chat.rotterdam.example/twilio/sms", [new("MessageSid", "SMaaaa"), new("From", "+31612345678"), new("Body", "Hé, er volgt me iemand bij Zuidplein 😟 & ik ben bang"), new("NumMedia", "0")]),
        ("https://chat.rotterdam.example/twilio/whatsapp", [new("MessageSid", "SMbbbb"), new("From", "whatsapp:+31612345678"), new("Body", "Nee"), new("ButtonText", "Nee"), new("ButtonPayload", "no"), new("MessageType", "interactive"), new("ProfileName", "J. de Vries")]),
        ("https://chat.rotterdam.example/twilio/whatsapp?region=rijnmond", [new("MessageSid", "SMcccc"), new("From", "whatsapp:+31612345678"), new("Body", ""), new("Latitude", "51.9225"), new("Longitude", "4.47917"), new("MessageType", "location")]),
        ("https://chat.rotterdam.example/twilio/status", [new("MessageSid", "SMdddd"), new("MessageStatus", "undelivered"), new("ErrorCode", "63016"), new("To", "whatsapp:+31612345678")]),
        ("https://chat.rotterdam.example:8443/twilio/sms", [new("MessageSid", "SMeeee"), new("Body", "1"), new("Body", "2"), new("Body", "1")]),
    ];

    [Fact]
    public async Task Signatures_match_the_twilio_npm_package()
    {
        var input = JsonSerializer.Serialize(Requests.Select(r => new { token = "s3cr3t-token", url = r.Url, @params = r.Form.Select(p => new[] { p.Key, p.Value }) }));
        var start = new ProcessStartInfo("node", [Path.Combine(RepositoryPaths.Root, "tests", "twilio-oracle", "sign.mjs")])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            WorkingDirectory = Path.Combine(RepositoryPaths.Root, "tests"),
        };
        using var node = Process.Start(start)!;
        await node.StandardInput.WriteAsync(input);
        node.StandardInput.Close();
        var output = await node.StandardOutput.ReadToEndAsync();
        await node.WaitForExitAsync();
        Assert.True(node.ExitCode == 0, await node.StandardError.ReadToEndAsync());

        var expected = JsonSerializer.Deserialize<string[]>(output)!;
        Assert.Equal(expected, Requests.Select(r => TwilioRequestSigner.Sign("s3cr3t-token", r.Url, r.Form)));
        // Twilio's messaging webhooks never repeat a field; the last request does, and only the stand-in signs it.
        Assert.All(Requests.Zip(expected).SkipLast(1), pair => Assert.True(TwilioWebhookSignature.IsValid(pair.Second, "s3cr3t-token", pair.First.Url, pair.First.Form)));
    }
}
