using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeChat.Bot.Storage;
using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.Privacy;

/// <summary>"Wis mijn gegevens" in each channel, and the same for staff: transcript, state and link to the address go.</summary>
public sealed class ErasureTests : TwilioHostTests
{
    private SafeChatDb Db() => Host.Services.GetRequiredService<SafeChatDbFactory>().Create();

    [Fact]
    public async Task In_web_chat_the_transcript_goes_and_the_open_case_is_told_the_reporter_withdrew()
    {
        var (chat, code) = await ReporterJourney.ReportAsync(Host.Http, ReporterJourney.TouchedYesterdayReplyInChat);
        var asked = await chat.ReplyAsync("wis mijn gegevens");
        Assert.Contains("kan niet ongedaan", asked.Describe());

        await chat.ReplyAsync("Ja");

        await using var db = Db();
        var left = await db.Activities.Where(a => a.ConversationId == chat.ConversationId).Select(a => a.Json).ToListAsync();
        Assert.All(left, json => Assert.DoesNotContain("metro Beurs", json));
        Assert.Contains(left, json => json.Contains("Gewist"));
        var state = (await db.Conversations.SingleAsync(c => c.Id == chat.ConversationId)).StateJson;
        Assert.Contains("\"stack\":[]", state); // no dialog and no answers left
        var report = await db.Reports.SingleAsync(r => r.Code == code);
        Assert.Null(report.ReplyConversationId);
        Assert.Contains(await db.CaseEntries.Where(e => e.ReportId == report.Id).Select(e => e.Kind).ToListAsync(), k => k == "withdrawn");
        AssertNothingHeldInMemory(chat.ConversationId);
    }

    /// <summary>What the instance keeps of active conversations to spare database reads must go with the database's copy.</summary>
    private void AssertNothingHeldInMemory(string conversationId)
    {
        var known = Host.Services.GetRequiredService<SafeChat.Bot.Conversations.KnownConversations>();
        Assert.True(!known.TryGet(conversationId, out var held) || held.View is null, "the conversation's state is still in memory");
        var recent = Host.Services.GetRequiredService<SafeChat.Bot.Conversations.RecentActivities>().TryRead(conversationId, 0, 500);
        Assert.True(recent is null || recent.Json.All(json => !json.Contains("metro Beurs")), "the erased transcript is still in memory");
    }

    [Fact]
    public async Task Saying_no_erases_nothing()
    {
        var chat = await DirectLineTestClient.StartAsync(Host.Http);
        await chat.WaitForQuestionAsync();
        await chat.ReplyAsync("delete my data");
        await chat.ReplyAsync("Nee");

        await using var db = Db();
        Assert.True(await db.Activities.CountAsync(a => a.ConversationId == chat.ConversationId) > 5);
    }

    [Theory]
    [InlineData("sms", "+31612370001")]
    [InlineData("whatsapp", "+31612370002")]
    public async Task Over_sms_and_whatsapp_the_confirmation_is_sent_and_then_the_conversation_and_its_link_to_the_number_are_gone(string channel, string number)
    {
        var phone = new TwilioPhone(Host, number, channel);
        await phone.SendAsync("Hoi");
        await Twilio.WaitForAsync(phone.Address, s => s.Count >= 3);
        var conversation = Host.Services.GetRequiredService<SafeChat.Bot.Channels.Twilio.TwilioAddresses>().ConversationIdFor(channel, phone.Address);

        await phone.SendAsync("wis mijn gegevens");
        await Twilio.WaitForAsync(phone.Address, s => s.Any(m => Twilio.Shown(m).Contains("ongedaan")));
        await phone.SendAsync("1");
        await Twilio.WaitForAsync(phone.Address, s => s.Any(m => m.Body.Contains("Gewist")));

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            await using var db = Db();
            if (!await db.Conversations.AnyAsync(c => c.Id == conversation)) break;
            Assert.True(DateTime.UtcNow < deadline, "the conversation was not deleted after the confirmation");
            await Task.Delay(100);
        }
        await using (var db = Db())
        {
            Assert.False(await db.Activities.AnyAsync(a => a.ConversationId == conversation));
            Assert.False(await db.Outbox.AnyAsync(o => o.ConversationId == conversation));
        }
    }

    [Fact]
    public async Task A_supervisor_can_erase_for_a_case_and_it_is_audited()
    {
        var (chat, code) = await ReporterJourney.ReportAsync(Host.Http, ReporterJourney.TouchedYesterdayReplyInChat);
        var responder = await StaffClient.SignedInAsync(Host, "responder");
        var supervisor = await StaffClient.SignedInAsync(Host, "supervisor");
        var id = await supervisor.CaseIdAsync(code);
        var known = Host.Services.GetRequiredService<SafeChat.Bot.Conversations.KnownConversations>();
        Assert.True(known.TryGet(chat.ConversationId, out _), "the reporter's turns ran on this instance, which remembers the conversation");

        Assert.Equal(HttpStatusCode.Conflict, (await responder.PostAsync($"/staff/api/cases/{id}/erase")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await supervisor.PostAsync($"/staff/api/cases/{id}/erase")).StatusCode);

        await using var db = Db();
        Assert.False(await db.Conversations.AnyAsync(c => c.Id == chat.ConversationId));
        Assert.Null((await db.Reports.SingleAsync(r => r.Id == id)).ReplyConversationId);
        Assert.True(await db.Audit.AnyAsync(a => a.ReportId == id && a.Action == "erased" && a.StaffId == supervisor.Account.Id));
        Assert.False(known.TryGet(chat.ConversationId, out _), "the erased conversation's state is still in memory");
        AssertNothingHeldInMemory(chat.ConversationId);
    }
}
