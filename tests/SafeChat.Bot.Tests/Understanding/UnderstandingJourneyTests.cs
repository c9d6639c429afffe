using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.Understanding;

/// <summary>
/// Issue 11, point by point, as a person meets it: through the official DirectLineJS client in a browser, in Dutch and
/// in English, each test a new conversation. They assert on what matters (which help line comes first, which question
/// follows, which language), not on exact wording.
/// </summary>
[Collection(BrowserCollection.Name)]
public class UnderstandingJourneyTests(BrowserFixture browser, SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private Task<DirectLineJsChat> StartAsync(string locale) => DirectLineJsChat.StartAsync(browser, fixture.Host, locale);

    // 1. The trained model: danger and suicidal thoughts in ordinary words, and short cries.

    [Theory]
    [InlineData("nl-NL", "die gast staat al 10 min bij mn portiek en gaat nie weg")]
    [InlineData("nl-NL", "HULP")]
    [InlineData("en-US", "some guy has been standing outside my building for ages and wont leave")]
    [InlineData("en-US", "pls help")]
    public async Task Danger_in_ordinary_words_and_short_cries_get_112_first(string locale, string message)
    {
        await using var chat = await StartAsync(locale);

        var turn = await chat.SayAsync(message);

        Assert.Equal("emergency", turn.HelpLines.FirstOrDefault());
        Assert.Equal(2, turn.Choices.Count); // "still in danger?" (or the check question), with a way to say it is over
    }

    [Theory]
    [InlineData("nl-NL", "het hoeft voor mij allemaal niet meer")]
    [InlineData("en-US", "honestly everyone would be better off without me")]
    public async Task Suicidal_thoughts_without_the_word_get_113_first(string locale, string message)
    {
        await using var chat = await StartAsync(locale);

        var turn = await chat.SayAsync(message);

        Assert.Equal("113", turn.HelpLines.FirstOrDefault());
    }

    [Theory]
    [InlineData("nl-NL", "dank je wel")]
    [InlineData("en-US", "thanks")]
    public async Task Thanks_gets_no_check_question(string locale, string message)
    {
        await using var chat = await StartAsync(locale);
        await chat.SayAsync(locale == "en-US" ? "no" : "nee");

        var turn = await chat.SayAsync(message);

        Assert.Empty(turn.HelpLines);
        Assert.Equal(5, turn.Choices.Count); // still the menu
    }

    // 2. Entities through Microsoft.Recognizers.Text, at every "when" question.

    [Theory]
    [InlineData("nl-NL", "ik wil een melding maken", "vorige week dinsdag om half 10", "dinsdag")]
    [InlineData("en-US", "I want to make a report", "last saturday night", "Saturday")]
    public async Task A_date_in_words_is_understood_at_the_when_question(string locale, string start, string when, string weekday)
    {
        await using var chat = await StartAsync(locale);
        await chat.SayAsync(start);
        var en = locale == "en-US";
        await chat.SayAsync(en ? "Me" : "Mij");
        await chat.SayAsync(en ? "Gestures" : "Gebaren");
        await chat.SayAsync(en ? "That's all" : "Dit is alles");
        await chat.SayAsync("Noord");
        await chat.SayAsync(en ? "Skip" : "Overslaan");

        var next = await chat.SayAsync(when);
        Assert.DoesNotContain(next.Replies, r => r.Text.Contains(en ? "understand" : "begreep"));

        await chat.SayAsync(en ? "Skip" : "Overslaan");
        var summary = await chat.SayAsync(en ? "No, no need" : "Nee, dat hoeft niet");
        Assert.Contains(weekday, summary.Text);
    }

    // 3. Facts from anything the person says: no question asked twice.

    [Theory]
    [InlineData("nl-NL", "ik ben gisteren verkracht")]
    [InlineData("nl-NL", "een jongen van mijn studie heeft me gisteren aangerand")]
    [InlineData("en-US", "my date raped me last night")]
    public async Task Sexual_violence_told_in_one_sentence_gets_the_centre_in_the_first_reply(string locale, string message)
    {
        await using var chat = await StartAsync(locale);

        var turn = await chat.SayAsync(message);

        Assert.Contains("csg", turn.HelpLines);
        Assert.DoesNotContain("veilig-thuis", turn.HelpLines); // a date or a fellow student is not someone close
        Assert.DoesNotContain(turn.Replies, r => r.Choices.Contains(locale == "en-US" ? "In the past 7 days" : "In de afgelopen 7 dagen"));
    }

    [Fact]
    public async Task A_correction_gives_the_help_again()
    {
        await using var chat = await StartAsync("nl-NL");
        await chat.SayAsync("ik ben gisteren verkracht");

        var corrected = await chat.SayAsync("nee het was vorig jaar");

        Assert.Contains("csg", corrected.HelpLines);
        Assert.Contains("slachtofferhulp", corrected.HelpLines); // longer ago: the centre and victim support
    }

    [Fact]
    public async Task A_report_told_in_one_message_skips_what_was_told()
    {
        await using var chat = await StartAsync("nl-NL");

        var turn = await chat.SayAsync("ik wil melden dat ik gisteravond bij metro Beurs werd nageroepen");

        Assert.Contains("Metro Beurs", turn.Text); // said back in one line
        Assert.Contains("Overslaan", turn.Choices); // straight on to the description: who, what, where and when are known
    }

    // 4. Every question accepts words.

    [Theory]
    [InlineData("nl-NL", "op de Beijerlandselaan", "Feijenoord")]
    [InlineData("en-US", "near Blaak station", "Centrum")]
    public async Task A_street_answers_the_district_question(string locale, string place, string district)
    {
        await using var chat = await StartAsync(locale);
        var en = locale == "en-US";
        await chat.SayAsync(en ? "I want to make a report" : "ik wil een melding maken");
        await chat.SayAsync(en ? "Me" : "Mij");
        await chat.SayAsync(en ? "Gestures" : "Gebaren");
        await chat.SayAsync(en ? "That's all" : "Dit is alles");

        await chat.SayAsync(place);
        await chat.SayAsync(en ? "Today" : "Vandaag");
        await chat.SayAsync(en ? "Skip" : "Overslaan");
        var summary = await chat.SayAsync(en ? "No, no need" : "Nee, dat hoeft niet");

        Assert.Contains(district, summary.Text);
    }

    [Theory]
    [InlineData("nl-NL", "ja graag")]
    [InlineData("nl-NL", "klopt")]
    [InlineData("en-US", "yes please")]
    public async Task Yes_as_people_say_it(string locale, string yes)
    {
        await using var chat = await StartAsync(locale);

        var turn = await chat.SayAsync(yes); // to "are you in danger now?"

        Assert.Equal("emergency", turn.HelpLines.FirstOrDefault());
    }

    [Theory]
    [InlineData("nl-NL", "misschien")]
    [InlineData("en-US", "idk")]
    public async Task Unsure_about_danger_gets_112(string locale, string unsure)
    {
        await using var chat = await StartAsync(locale);

        var turn = await chat.SayAsync(unsure);

        Assert.Equal("emergency", turn.HelpLines.FirstOrDefault());
    }

    [Fact]
    public async Task Not_understood_once_then_the_choices_with_112_and_a_person()
    {
        await using var chat = await StartAsync("nl-NL");
        await chat.SayAsync("nee");
        await chat.SayAsync("Er is mij iets overkomen");

        var first = await chat.SayAsync("de trein had weer vertraging"); // no time in it: "vanochtend" was a fact, or not, by the hour the test ran
        var second = await chat.SayAsync("mijn kat heet Minoes");

        Assert.Contains("begreep", first.Text);
        Assert.Contains("emergency", first.HelpLines);
        Assert.Contains("Met een mens praten", first.Choices);
        Assert.DoesNotContain("begreep", second.Text);
        Assert.Contains("emergency", second.HelpLines);
        Assert.Contains("Met een mens praten", second.Choices);
    }

    // 5. The person's language.

    [Fact]
    public async Task An_English_question_with_an_English_locale_is_answered_in_English()
    {
        await using var chat = await StartAsync("en-US");

        var turn = await chat.SayAsync("is catcalling illegal here?");

        Assert.All(turn.Replies, r => Assert.Equal("en", r.Locale));
        Assert.Contains("Street harassment", turn.Text);
    }

    [Fact]
    public async Task Writing_in_English_in_a_Dutch_conversation_switches_to_English()
    {
        await using var chat = await StartAsync("nl-NL");
        await chat.SayAsync("nee");

        var turn = await chat.SayAsync("I want to report what happened to me yesterday at the station");

        Assert.Equal("en", turn.Replies[^1].Locale);
        Assert.Contains("English", turn.Text);
    }

    // 6. Context survives interrupts.

    [Theory]
    [InlineData("nl-NL", "mijn man slaat me nu", "nee, nu niet")]
    [InlineData("en-US", "my boyfriend is hitting me right now", "no, not anymore")]
    public async Task After_112_the_conversation_goes_on_with_what_was_told(string locale, string danger, string notNow)
    {
        await using var chat = await StartAsync(locale);

        var first = await chat.SayAsync(danger);
        var then = await chat.SayAsync(notNow);

        Assert.Equal("emergency", first.HelpLines.FirstOrDefault());
        Assert.Contains("veilig-thuis", then.HelpLines);
        Assert.DoesNotContain(then.Replies, r => r.Choices.Count == 5); // not the main menu
    }
}
