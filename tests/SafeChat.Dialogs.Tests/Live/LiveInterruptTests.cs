using System.Text.Json;
using SafeChat.Dialogs.Activities;
using SafeChat.Dialogs.Content;
using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Flows;
using SafeChat.Dialogs.Live;
using SafeChat.Dialogs.Tests.Engine;

namespace SafeChat.Dialogs.Tests.Live;

/// <summary>The engine's side of a live chat: the offer, waiting, the bot's silence but for 112 and 113, the way back.</summary>
public class LiveInterruptTests
{
    /// <summary>The host's desk, as the engine sees it: on duty or not, a fixed wait.</summary>
    private sealed class Desk(bool onDuty) : ILiveDesk
    {
        public LiveDeskStatus Status(DateTimeOffset now) => new(onDuty, 10, StaffedHours.Parse("mon-fri 09:00-17:00"));
    }

    private static EngineDriver Waiting()
    {
        var chat = new EngineDriver(SafeChatFlows.CreateEngine(liveDesk: new Desk(onDuty: true)));
        chat.Start("nl-NL");
        chat.Say("nee");
        chat.Say("Met een mens praten");
        chat.Say("Ja, ik wacht");
        return chat;
    }

    private static Activity Event(string name, string value) => new() { Type = ActivityTypes.Event, Name = name, Text = value };

    [Fact]
    public void On_duty_the_offer_says_who_how_long_and_112_and_waiting_is_a_request()
    {
        var chat = new EngineDriver(SafeChatFlows.CreateEngine(liveDesk: new Desk(onDuty: true)));
        chat.Start("nl-NL");
        chat.Say("nee");

        var offer = chat.Say("Met een mens praten");
        Assert.Contains("niet de politie", offer.Texts());
        Assert.Contains("10 minuten", offer.Texts());
        Assert.Contains("emergency", offer.Contacts());
        chat.Say("Ja, ik wacht");

        Assert.Contains(chat.LastEffects, e => e is RequestLiveChat);
        Assert.Equal(LiveStatus.Waiting, chat.State.Live);
    }

    [Fact]
    public void Off_duty_no_one_is_promised_and_the_lines_that_are_always_there_come()
    {
        var chat = new EngineDriver(SafeChatFlows.CreateEngine(liveDesk: new Desk(onDuty: false)));
        chat.Start("nl-NL");
        chat.Say("nee");

        var answer = chat.Say("Met een mens praten");

        Assert.Contains("op werkdagen van 9 tot 17 uur", answer.Texts());
        Assert.Contains("slachtofferhulp", answer.Contacts());
        Assert.DoesNotContain(chat.LastEffects, e => e is RequestLiveChat);
        Assert.Null(chat.State.Live);
    }

    [Fact]
    public void While_a_person_holds_the_chat_the_bot_says_nothing_but_danger_still_gets_112_at_once()
    {
        var chat = Waiting();
        var joined = chat.Run(Event(LiveEvents.Joined, "Anna"));
        Assert.StartsWith("Anna van het meldpunt", joined[0].Text);

        Assert.Empty(chat.Say("hij vroeg of ik vaker met de tram ga"));
        var danger = chat.Say("hij staat nu voor mijn deur en slaat erop");

        Assert.Equal("emergency", danger.Contacts().First());
        Assert.Contains(chat.LastEffects, e => e is LiveDanger { Line: "112" });
        Assert.Equal(LiveStatus.Active, chat.State.Live); // still with Anna: no bot dialog started
        Assert.DoesNotContain(chat.State.Stack, f => f.Dialog is Flow.WhenSafe or Flow.SafetyCheck);
    }

    [Fact]
    public void With_a_person_in_the_chat_an_unsure_danger_score_is_left_to_them()
    {
        const string Unsure = "een man riep dingen naar me bij de halte";
        Assert.Equal(SafeChat.Dialogs.Triage.SafetyLevel.Check, new SafeChat.Dialogs.Triage.TriageRecognizer().Recognize(Unsure).Danger); // what this test is about
        var chat = Waiting();
        chat.Run(Event(LiveEvents.Joined, "Anna"));

        Assert.Empty(chat.Say(Unsure));
        Assert.DoesNotContain(chat.LastEffects, e => e is LiveDanger);
    }

    [Fact]
    public void Thoughts_of_suicide_during_the_chat_get_113()
    {
        var chat = Waiting();
        chat.Run(Event(LiveEvents.Joined, "Anna"));

        var replies = chat.Say("ik wil er niet meer zijn");

        Assert.Contains("113", replies.Contacts());
        Assert.Contains(chat.LastEffects, e => e is LiveDanger { Line: "113" });
    }

    [Fact]
    public void Stop_while_waiting_stops_waiting_and_the_menu_comes_back()
    {
        var chat = Waiting();
        Assert.Contains("minuten", chat.Say("hallo, duurt het lang?").Texts());

        var stopped = chat.Say("stop");

        Assert.Contains(chat.LastEffects, e => e is StopWaiting);
        Assert.Null(chat.State.Live);
        Assert.NotEmpty(stopped.Choices());
    }

    [Fact]
    public void When_the_team_member_ends_the_chat_the_bot_says_so_and_is_back_with_the_menu()
    {
        var chat = Waiting();
        chat.Run(Event(LiveEvents.Joined, "Anna"));

        var ended = chat.Run(Event(LiveEvents.Ended, "Anna"));

        Assert.StartsWith("Anna is gestopt", ended[0].Text);
        Assert.Null(chat.State.Live);
        Assert.NotEmpty(ended.Choices());
        Assert.NotEmpty(chat.Say("Wat telt als straatintimidatie?"));
    }

    [Theory]
    [InlineData("always", 2026, 12, 6, 3, true)]
    [InlineData("mon-fri 09:00-17:00", 2026, 12, 2, 10, true)]   // Wednesday 10:00
    [InlineData("mon-fri 09:00-17:00", 2026, 12, 2, 17, false)]  // Wednesday 17:00: closed
    [InlineData("mon-fri 09:00-17:00", 2026, 12, 5, 10, false)]  // Saturday
    [InlineData("mon-sun 10:00-22:00", 2026, 12, 6, 21, true)]   // Sunday 21:00
    public void Staffed_hours_hold_what_they_say(string hours, int year, int month, int day, int hour, bool open) =>
        Assert.Equal(open, StaffedHours.Parse(hours).Contains(new DateTime(year, month, day, hour, 0, 0)));

    [Theory]
    [InlineData("weekdays 9-5")]
    [InlineData("tue-thu 09:00-17:00")]
    [InlineData("mon-fri 17:00-09:00")]
    public void A_wrong_hours_setting_is_refused_with_its_reason(string hours) =>
        Assert.Contains("Handover:Hours", Assert.Throws<FormatException>(() => StaffedHours.Parse(hours)).Message);
}
