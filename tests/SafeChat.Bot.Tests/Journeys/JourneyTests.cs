using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.Journeys;

/// <summary>
/// One journey per route, through the Direct Line endpoint, the way a person taps through the chat.
/// They assert on what matters: which help line appears (by its tel: link from the directory) and which
/// choices come next — not on exact wording.
/// </summary>
public class JourneyTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private async Task<DirectLineTestClient> StartAtMenuAsync(string locale = "nl-NL")
    {
        var chat = await DirectLineTestClient.StartAsync(fixture.Host.Http, locale);
        await chat.WaitForQuestionAsync();
        var menu = await chat.TapAsync("no"); // not in danger right now
        Assert.Equal(["happened", "saw", "what-counts", "report-or-police", "person"], menu.ChoiceIds);
        return chat;
    }

    [Fact]
    public async Task Victim_of_recent_sexual_violence_gets_the_sexual_assault_centre_now()
    {
        var chat = await StartAtMenuAsync();
        await chat.TapAsync("happened");
        var when = await chat.TapAsync("sexual-violence");
        Assert.Equal(["within-7-days", "longer-ago", "not-sure"], when.ChoiceIds);

        var done = await chat.TapAsync("within-7-days");

        Assert.Contains(HelpLines.Tel("csg"), done.AllCallLinks);
        Assert.DoesNotContain(HelpLines.Tel("slachtofferhulp"), done.AllCallLinks); // not diluted: CSG first, alone
        Assert.Equal(["yes", "no"], done.ChoiceIds); // offered, not told: how traces are kept, and PEP within 72 hours
        var info = await chat.TapAsync("yes");
        Assert.Contains("72 uur", info.Describe());
        Assert.Equal(["report-or-police", "support", "menu"], info.ChoiceIds); // the next step that fits
        Assert.Contains(fixture.Host.Logs.Lines, l => l.Contains("Routing rule recent-sexual-violence fired"));
    }

    [Fact]
    public async Task Sexual_violence_longer_ago_gets_the_centre_and_victim_support()
    {
        var chat = await StartAtMenuAsync();
        await chat.TapAsync("happened");
        var near = await chat.TapAsync("touched");
        Assert.Contains(HelpLines.Tel("emergency"), near.AllCallLinks); // first: is that person still near?
        await chat.TapAsync("no");

        var done = await chat.TapAsync("longer-ago");

        Assert.Contains(HelpLines.Tel("csg"), done.AllCallLinks);
        Assert.Contains(HelpLines.Tel("slachtofferhulp"), done.AllCallLinks);
    }

    [Fact]
    public async Task Partner_violence_told_in_own_words_goes_to_Veilig_Thuis_and_the_words_are_not_logged()
    {
        var chat = await StartAtMenuAsync();
        const string words = "mijn vriend controleert mijn telefoon en slaat me soms";

        var done = await chat.AnswerAsync(words);

        Assert.Contains(HelpLines.Tel("veilig-thuis"), done.AllCallLinks);
        Assert.DoesNotContain(HelpLines.Tel("emergency"), done.AllCallLinks); // "soms": not danger right now
        Assert.Contains(fixture.Host.Logs.Lines, l => l.Contains("Routing rule harm-by-someone-close fired"));
        Assert.DoesNotContain(fixture.Host.Logs.Lines, l => l.Contains("telefoon"));
    }

    [Fact]
    public async Task Street_harassment_leads_to_the_decision_aid_and_an_aangifte_by_phone()
    {
        var chat = await StartAtMenuAsync();
        await chat.TapAsync("happened");
        var next = await chat.TapAsync("remarks");
        Assert.Equal(["report-or-police", "support", "menu"], next.ChoiceIds);

        var options = await chat.TapAsync("report-or-police");
        Assert.Equal(["melding", "aangifte", "support"], options.ChoiceIds); // no anonymous tip for catcalling
        var explained = options.Describe();
        Assert.Contains("Dat kan anoniem", explained);             // a melding can be anonymous
        Assert.Contains("kan leiden tot een onderzoek", explained); // an aangifte can lead to an investigation
        Assert.Contains("niet anoniem", explained);                // confidential, but not anonymous

        var done = await chat.TapAsync("aangifte");
        Assert.Contains("niet online", done.Describe());           // not online for this offence
        Assert.Contains("tolk", done.Describe());                  // a free interpreter
        Assert.Contains(HelpLines.Tel("police"), done.AllCallLinks);
        Assert.Contains(HelpLines.Tel("slachtofferhulp"), done.AllCallLinks); // Slachtofferhulp can prepare and go along
    }

    [Fact]
    public async Task The_decision_aid_can_end_in_an_anonymous_report_or_tip()
    {
        var chat = await StartAtMenuAsync();
        await chat.TapAsync("report-or-police");
        var melding = await chat.TapAsync("melding");
        Assert.Equal(["to-me", "to-someone-else"], melding.ChoiceIds); // the anonymous report starts right here

        // A tip fits a serious offence by someone the person can name.
        await chat.AnswerAsync("menu");
        await chat.AnswerAsync("mijn oom heeft me vorig jaar aangerand");
        await chat.TapAsync("report-or-police");
        var tip = await chat.TapAsync("tip");
        Assert.Contains(HelpLines.Tel("meld-misdaad-anoniem"), tip.AllCallLinks);
    }

    [Fact]
    public async Task What_counts_explains_the_2024_law_and_that_it_is_never_your_fault()
    {
        var chat = await StartAtMenuAsync();
        var explained = await chat.TapAsync("what-counts");

        var text = explained.Describe();
        Assert.Contains("429ter", text);
        Assert.Contains("2024", text);
        Assert.Contains("nooit jouw schuld", text);
        Assert.Contains("kan dit strafbaar zijn", text); // never for certain: a court decides
        Assert.Equal(["counts-more", "report-or-police", "happened", "menu"], explained.ChoiceIds);
    }

    [Fact]
    public async Task Bystander_when_it_is_not_safe_is_coached_to_delegate_and_call_112()
    {
        var chat = await StartAtMenuAsync();
        var when = await chat.TapAsync("saw");
        Assert.Equal(["happening-now", "already-happened", "prepare", "support-friend"], when.ChoiceIds);
        var safe = await chat.TapAsync("happening-now");
        Assert.Equal(["safe-for-me", "not-safe-for-me", "not-sure"], safe.ChoiceIds);

        var coached = await chat.TapAsync("not-safe-for-me");

        Assert.Contains(HelpLines.Tel("emergency"), coached.AllCallLinks);
        Assert.Contains("Ben je oké?", coached.Describe());
        Assert.Contains("nooit online", coached.Describe()); // filming: give it to the person, never post it
    }

    [Fact]
    public async Task Bystander_preparing_learns_the_five_steps_and_the_five_ds()
    {
        var chat = await StartAtMenuAsync();
        await chat.TapAsync("saw");

        var coached = await chat.TapAsync("prepare");

        Assert.Contains("5 D's", coached.Describe());
        Assert.Contains("vijf stappen", coached.Describe());
    }

    [Fact]
    public async Task Off_duty_someone_who_wants_a_person_hears_it_is_a_bot_and_gets_Slachtofferhulp()
    {
        // Sunday 6 December 2026, 22:00 in Rotterdam: outside the team's hours (on duty, a live chat is offered instead).
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 21, 0, 0, TimeSpan.Zero));
        await using var host = await SafeChatHost.StartAsync(HostSettings.Sqlite(),
            services => Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<TimeProvider>(services, clock));
        var chat = await DirectLineTestClient.StartAsync(host.Http);
        await chat.WaitForQuestionAsync();
        await chat.TapAsync("no");

        var done = await chat.AnswerAsync("kan ik met een mens praten");

        Assert.Contains(HelpLines.Tel("slachtofferhulp"), done.AllCallLinks);
        Assert.Contains("computer", done.Describe());
    }

    [Fact]
    public async Task An_English_speaker_gets_the_same_help_in_English()
    {
        var chat = await StartAtMenuAsync("en-US");
        await chat.TapAsync("happened");
        await chat.TapAsync("sexual-violence");

        var done = await chat.TapAsync("not-sure");

        Assert.Contains(HelpLines.Tel("csg"), done.AllCallLinks);
        Assert.Contains("day and night", done.Describe());
        Assert.Equal(["Yes", "No"], ActivitySet.Choices(done.Questions[^1])); // how traces are kept, and PEP
    }

    [Fact]
    public async Task Danger_in_the_middle_of_a_flow_gets_112_first_then_the_same_question()
    {
        var chat = await StartAtMenuAsync();
        await chat.TapAsync("saw");

        var set = await chat.AnswerAsync("help hij staat voor mijn deur");

        Assert.Contains(HelpLines.Tel("emergency"), set.AllCallLinks);
        Assert.Equal(["yes", "no"], set.ChoiceIds); // still in danger?

        var after = await chat.TapAsync("no");
        Assert.Equal(["happening-now", "already-happened", "prepare", "support-friend"], after.ChoiceIds);
    }
}
