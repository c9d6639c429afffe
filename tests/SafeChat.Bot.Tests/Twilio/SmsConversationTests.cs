using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeChat.Bot.Storage;
using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.Twilio;

/// <summary>Conversations over the SMS webhook, with a local stand-in for Twilio's REST API.</summary>
public sealed class SmsConversationTests : TwilioHostTests
{
    private async Task<IReadOnlyList<FakeTwilioApi.Sent>> WaitForAsync(FakeTwilioApi twilio, string number, Func<IReadOnlyList<FakeTwilioApi.Sent>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var sent = twilio.To(number);
            if (done(sent)) return sent;
            if (DateTime.UtcNow > deadline)
            {
                await using var db = Host.Services.GetRequiredService<SafeChatDbFactory>().Create();
                var outbox = await db.Outbox.Select(o => $"{o.Id} {o.Status} attempts={o.Attempts} error={o.ErrorCode}").ToListAsync();
                outbox.AddRange(await db.Conversations.Select(c => $"conversation {c.Channel} in={c.LastInboundSeq} done={c.LastProcessedSeq} address={c.ChannelAddressProtected != null} out={c.OptedOut}").ToListAsync());
                outbox.AddRange(await db.Activities.Select(a => $"activity {a.Seq} {a.Type} user={a.FromUser}").ToListAsync());
                throw new TimeoutException(string.Join("\n---\n", sent.Select(s => s.Body)) + $"\nAPI calls: {twilio.Calls}\nOutbox:\n" + string.Join("\n", outbox)
                    + "\nHost log:\n" + string.Join("\n", Host.Logs.Lines.TakeLast(15)));
            }
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task A_text_message_gets_the_greeting_with_numbered_choices_and_a_number_answers_it()
    {
        var phone = new TwilioPhone(Host, "+31612340001");

        var response = await phone.SendAsync("Hoi");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        var twiml = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Response", twiml.Root!.Name.LocalName);
        Assert.Empty(twiml.Root.Nodes()); // the replies go through the outbox, not in the answer

        var greeting = await WaitForAsync(Twilio, phone.Address, s => s.Any(m => m.Body.Contains("Antwoord 1 of 2")));
        Assert.Contains("automatische assistent", string.Join("\n", greeting.Select(m => m.Body)));
        Assert.Contains("1. Ja\n2. Nee", greeting.Last().Body);
        Assert.All(greeting, m => Assert.Equal("+3197010000001", m.From));

        await phone.SendAsync("2");
        var menu = await WaitForAsync(Twilio, phone.Address, s => s.Any(m => m.Body.Contains("5. ")));
        Assert.Contains("Antwoord 1, 2, 3, 4 of 5", menu.Last().Body);
    }

    [Fact]
    public async Task Danger_over_sms_gets_112_written_out_first()
    {
        var phone = new TwilioPhone(Host, "+31612340002");

        await phone.SendAsync("help er loopt een man achter me aan");

        var sent = await WaitForAsync(Twilio, phone.Address, s => s.Count >= 2);
        Assert.Contains("Bel nu " + HelpLines.Phone("emergency"), sent[0].Body);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(sent[0].Body, @"\b112\b")); // once per message, with its hours
        Assert.Contains("gratis", sent[0].Body);
    }

    [Fact]
    public async Task A_duplicate_delivery_is_processed_once_and_a_forged_one_not_at_all()
    {
        var phone = new TwilioPhone(Host, "+31612340003");
        await phone.SendAsync("Hoi", messageSid: "SM-first");
        var first = await WaitForAsync(Twilio, phone.Address, s => s.Any(m => m.Body.Contains("Antwoord")));

        Assert.Equal(HttpStatusCode.OK, (await phone.SendAsync("Hoi", messageSid: "SM-first")).StatusCode);
        var forged = await phone.SendAsync("Nee", signature: "AAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        var unsigned = await phone.SendAsync("Nee", signature: "");
        await Task.Delay(1500);

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        Assert.Equal(first.Count, Twilio.To(phone.Address).Count);
        var conversation = Host.Services.GetRequiredService<SafeChat.Bot.Channels.Twilio.TwilioAddresses>().ConversationIdFor("sms", phone.Address);
        await using var db = Host.Services.GetRequiredService<SafeChatDbFactory>().Create();
        Assert.Equal(1, await db.Activities.CountAsync(a => a.ConversationId == conversation && a.FromUser && a.Type == "message"));
    }

    [Fact]
    public async Task After_STOP_nothing_is_sent_until_START()
    {
        var phone = new TwilioPhone(Host, "+31612340004");
        await phone.SendAsync("Hoi");
        var beforeStop = (await WaitForAsync(Twilio, phone.Address, s => s.Any(m => m.Body.Contains("Antwoord")))).Count;

        await phone.SendAsync("STOP");
        await phone.SendAsync("hallo?");
        await Task.Delay(2500);
        Assert.Equal(beforeStop, Twilio.To(phone.Address).Count); // not even the goodbye to "stop"

        await phone.SendAsync("START");
        await phone.SendAsync("hoi");
        await WaitForAsync(Twilio, phone.Address, s => s.Count > beforeStop);
    }

    [Fact]
    public async Task An_outage_delays_messages_and_loses_none()
    {
        var phone = new TwilioPhone(Host, "+31612340005");
        Twilio.Down = true;
        await phone.SendAsync("Hoi");
        await WaitForAsync(Twilio, phone.Address, _ => Twilio.Calls >= 4); // the greeting is being retried against a down API
        Assert.Empty(Twilio.To(phone.Address));

        Twilio.Down = false;
        var sent = await WaitForAsync(Twilio, phone.Address, s => s.Any(m => m.Body.Contains("Antwoord 1 of 2")));

        Assert.Contains("automatische assistent", sent[0].Body); // in order: the greeting first
        Assert.Equal(sent.Count, sent.Select(m => m.Body).Distinct().Count()); // and nothing twice
    }

    [Fact]
    public async Task A_report_made_over_sms_reaches_the_queue_without_the_phone_number()
    {
        var phone = new TwilioPhone(Host, "+31612340006");
        await phone.SendAsync("Hoi");
        await WaitForAsync(Twilio, phone.Address, s => s.Any(m => m.Body.Contains("Antwoord 1 of 2")));
        foreach (var answer in new[] { "ik wil een melding maken", "1", "2", "1", "1", "overslaan", "3", "overslaan", "1", "1" })
        {
            var before = Twilio.To(phone.Address).Count;
            await phone.SendAsync(answer);
            await WaitForAsync(Twilio, phone.Address, s => s.Count > before);
        }
        var sent = await WaitForAsync(Twilio, phone.Address, s => s.Any(m => m.Body.Contains("status ")));
        var code = System.Text.RegularExpressions.Regex.Match(sent.Last(m => m.Body.Contains("status ")).Body, @"status ([A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5})").Groups[1].Value;

        var staff = await StaffClient.SignedInAsync(Host, "responder");
        var queue = await staff.GetJsonAsync("/staff/api/queue");
        Assert.Contains(queue.EnumerateArray(), c => c.GetProperty("code").GetString() == code);
        await using var db = Host.Services.GetRequiredService<SafeChatDbFactory>().Create();
        var report = await db.Reports.SingleAsync(r => r.Code == code);
        var stored = string.Join("|", report.Code, report.Categories, report.District, report.Place, report.Description, report.ReplyConversationId, report.ContactPhoneProtected);
        Assert.DoesNotContain("612340006", stored);
        Assert.DoesNotContain("612340006", string.Join("|", await db.Conversations.Select(c => c.Id + c.UserId).ToListAsync()));
    }
}
