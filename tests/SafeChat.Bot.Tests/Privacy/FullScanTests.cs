using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PhoneNumbers;
using SafeChat.Bot.Storage;
using SafeChat.Bot.Tests.Support;
using SafeChat.Dialogs.Content;

namespace SafeChat.Bot.Tests.Privacy;

/// <summary>
/// After full journeys on web chat and SMS, full of contact details, no stored row and no log line holds a phone
/// number (other than the help lines of the service directory), an e-mail address or an IP address.
/// </summary>
public sealed partial class FullScanTests : TwilioHostTests
{
    private const string ClientAddress = "203.0.113.99";

    [Fact]
    public async Task No_phone_number_email_or_ip_address_in_any_stored_row_or_log_line()
    {
        Host.Http.DefaultRequestHeaders.Add("X-Forwarded-For", ClientAddress);
        var (_, code) = await ReporterJourney.ReportAsync(Host.Http, ReporterJourney.FollowingCallMe);
        await ReporterJourney.ReportAsync(Host.Http, ReporterJourney.TouchedYesterdayReplyInChat);
        var chat = await DirectLineTestClient.StartAsync(Host.Http);
        await chat.WaitForQuestionAsync();
        await chat.ReplyAsync("mijn nummer is 06 34567890 en mail naar iemand@voorbeeld.nl");
        var phone = new TwilioPhone(Host, "+31612380001");
        await phone.SendAsync("Hoi, bel me op 010 4567890");
        await Twilio.WaitForAsync(phone.Address, s => s.Any(m => m.Body.Contains("Antwoord")));
        var staff = await StaffClient.SignedInAsync(Host, "responder");
        await staff.PostAsync($"/staff/api/cases/{await staff.CaseIdAsync(code)}/notes", new { text = "Melder belde vanaf 06 45678901" });
        await Task.Delay(500);

        await using var db = Host.Services.GetRequiredService<SafeChatDbFactory>().Create();
        var stored = new List<string>();
        stored.AddRange(await db.Conversations.Select(c => c.Id + " " + c.UserId + " " + c.StateJson).ToListAsync());
        stored.AddRange(await db.Activities.Select(a => a.Json).ToListAsync());
        stored.AddRange(await db.Outbox.Select(o => o.Body).ToListAsync());
        stored.AddRange(await db.CaseEntries.Select(e => e.Text).ToListAsync());
        stored.AddRange(await db.Audit.Select(a => a.Action + " " + a.Detail).ToListAsync());
        foreach (var r in await db.Reports.ToListAsync())
            stored.Add(string.Join(" ", r.Code, r.Categories, r.District, r.Place, r.Description, r.OutcomeText, r.ReplyConversationId, r.Signals));
        var logs = Host.Logs.Lines.Where(l => !l.Contains("Now listening on") && !l.Contains("Web chat: http")).ToList();

        var helpLines = ServiceDirectory.LoadEmbedded().Services.Values.Select(s => s.Phone).OfType<string>().Select(Digits).ToHashSet();
        foreach (var text in stored.Concat(logs))
        {
            var numbers = PhoneNumberUtil.GetInstance().FindNumbers(text, "NL", PhoneNumberUtil.Leniency.VALID, long.MaxValue)
                .Select(m => Digits(m.RawString)).Where(n => !helpLines.Contains(n)).ToList();
            Assert.True(numbers.Count == 0, $"phone number {string.Join(",", numbers)} in: {text[..Math.Min(text.Length, 300)]}");
            Assert.False(Email().IsMatch(text), $"e-mail address in: {text[..Math.Min(text.Length, 300)]}");
            Assert.False(IpAddress().IsMatch(text), $"IP address in: {text[..Math.Min(text.Length, 300)]}");
        }
        Assert.True(stored.Count > 50, "the scan must have something to scan");
    }

    private static string Digits(string text) => new(text.Where(char.IsDigit).ToArray());

    [GeneratedRegex(@"[\w.+-]+@[\w-]+\.[\w.-]+")]
    private static partial Regex Email();

    [GeneratedRegex(@"\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b")]
    private static partial Regex IpAddress();
}
