using System.Text.Json;
using System.Text.RegularExpressions;
using SafeChat.Bot.Tests.Live;
using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.BotFramework;

/// <summary>
/// Journeys through Azure Bot Service's protocol, with Microsoft's botbuilder npm package playing the channel: it posts
/// to /api/messages with the channel's token and receives SafeChat's replies at its service URL, with SafeChat's token
/// from the Entra ID stand-in.
/// </summary>
public sealed class BotFrameworkJourneyTests : BotFrameworkHostTests
{
    private BotFrameworkChannel Channel { get; set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Channel = await BotFrameworkChannel.StartAsync(Host, Issuer, AppId);
    }

    public override async Task DisposeAsync()
    {
        await Channel.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Danger_in_teams_gets_112_at_once_as_a_reply_to_the_message_with_safechats_own_token()
    {
        Assert.Equal(200, await Channel.SayAsync("teams-danger", "er loopt een man achter me aan en ik ben bang", id: "teams-msg-1"));

        await Channel.WaitForAsync("teams-danger", "112");
        var shown = await Channel.WaitForAsync("teams-danger", "\"type\":\"imBack\""); // the choices come with the last message of the turn
        var reply = Channel.Replies("teams-danger")[0];
        Assert.Equal("teams-msg-1", reply.GetProperty("replyToId").GetString()); // /v3/conversations/{id}/activities/{replyToId}
        Assert.Equal(JsonValueKind.String, reply.GetProperty("token").ValueKind); // the channel verified SafeChat's bearer token
        var (clientId, scope, secret) = Assert.Single(Issuer.TokenRequests.DistinctBy(r => r.ClientId));
        Assert.Equal((AppId, "https://api.botframework.com/.default", AppPassword), (clientId, scope, secret));

        // Teams: no suggested actions (group chats do not show them): choices are hero-card buttons; no tel: links.
        Assert.DoesNotContain("suggestedActions", shown);
        Assert.Contains("application/vnd.microsoft.card.hero", shown);
        Assert.DoesNotContain("tel:", shown);
    }

    [Fact]
    public async Task A_report_made_on_telegram_gets_its_code()
    {
        const string conversation = "telegram-report";
        await Channel.SayAsync(conversation, "hoi", channelId: "telegram");
        await Channel.WaitForAsync(conversation, "automatische assistent");
        await Channel.WaitForAsync(conversation, "suggestedActions"); // Telegram shows suggested actions

        await Channel.SayAsync(conversation, "ik wil een melding maken", channelId: "telegram");
        foreach (var answer in ReporterJourney.GesturesNoFollowUp)
        {
            var before = Channel.Replies(conversation).Count;
            await Channel.SayAsync(conversation, answer, channelId: "telegram");
            await Eventually.HoldsAsync(() => Task.FromResult(Channel.Replies(conversation).Count > before), TimeSpan.FromSeconds(20));
        }
        var done = await Channel.WaitForAsync(conversation, "status ");
        Assert.Matches(new Regex(@"[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}"), done);
    }

    [Fact]
    public async Task An_english_message_with_an_english_locale_is_answered_in_english_with_112()
    {
        await Channel.SayAsync("teams-english", "a man keeps following me and I am scared", locale: "en-US");
        var shown = await Channel.WaitForAsync("teams-english", "112");
        Assert.Contains("Call 112", shown);
    }

    [Fact]
    public async Task Asking_for_a_person_hands_the_chat_to_the_team_and_their_messages_arrive_in_teams()
    {
        const string conversation = "teams-live";
        await Channel.SayAsync(conversation, "hoi");
        await Channel.WaitForAsync(conversation, "Nee");
        await Channel.SayAsync(conversation, "Nee");
        await Channel.WaitForAsync(conversation, "Met een mens praten");
        await Channel.SayAsync(conversation, "Met een mens praten");
        await Channel.WaitForAsync(conversation, "Ja, ik wacht");
        await Channel.SayAsync(conversation, "ja ik wacht");
        await Channel.WaitForAsync(conversation, "wachtrij");

        var staff = await StaffClient.SignedInAsync(Host, "responder");
        var id = await LiveInbox.WaitingAsync(staff, "msteams");
        await LiveInbox.ClaimAsync(staff, id);
        await Channel.WaitForAsync(conversation, "van het meldpunt is er nu");
        await LiveInbox.SendAsync(staff, id, "Hoi, ik ben er. Wat is er gebeurd?");
        await Channel.WaitForAsync(conversation, "Wat is er gebeurd?");

        await Channel.SayAsync(conversation, "iemand riep dingen naar me bij de tramhalte");
        await LiveInbox.SeenAsync(staff, id, "person", "tramhalte");
    }

    [Fact]
    public async Task A_channel_that_shows_only_text_gets_numbered_choices()
    {
        await Channel.SayAsync("email-1", "hoi", channelId: "email");
        await Channel.WaitForAsync("email-1", "automatische assistent");
        var shown = await Channel.WaitForAsync("email-1", "1. ");
        Assert.DoesNotContain("suggestedActions", shown);
    }

    [Fact]
    public async Task In_a_group_chat_each_member_has_a_conversation_of_their_own()
    {
        await Channel.SayAsync("teams-group", "ik wil een melding maken", conversationType: "groupChat", from: "member-a");
        await Channel.WaitForAsync("teams-group", "Wie is het overkomen");
        var before = Channel.Replies("teams-group").Count;
        await Channel.SayAsync("teams-group", "hoi", conversationType: "groupChat", from: "member-b");

        // Member B is greeted as someone new, not taken to the question member A was asked.
        var shown = await Channel.WaitForAsync("teams-group", "automatische assistent", after: before);
        Assert.Equal(2, Channel.Replies("teams-group").Select(r => r.GetProperty("activity").GetProperty("recipient").GetProperty("id").GetString()).Distinct().Count());
    }
}
