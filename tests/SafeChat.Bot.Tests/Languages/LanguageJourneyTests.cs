using System.Text.RegularExpressions;
using SafeChat.Bot.Tests.Support;
using SafeChat.Dialogs.Content;

namespace SafeChat.Bot.Tests.Languages;

/// <summary>
/// Issue 16 as a person meets it, for each newer language, through the official DirectLineJS client in a browser:
/// the greeting in the language after choosing it, danger → 112 at once, thoughts of suicide → 113, a report to its
/// code, and a switch by writing in the language. The messages are the tests' own (in no corpus file); the bot's words
/// are compared through the language module, so a reviewer may reword a text without breaking a test.
/// </summary>
[Collection(BrowserCollection.Name)]
public class LanguageJourneyTests(BrowserFixture browser, SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private static readonly ContentCatalog Content = ContentCatalog.LoadEmbedded();

    /// <summary>Per language: its culture, a message of danger now, one of suicidal thoughts, a message that asks to write in it.</summary>
    private static readonly Dictionary<string, (string Culture, string Danger, string Suicidal, string First)> Cases = new()
    {
        ["tr"] = ("tr-TR", "şu an bir adam peşimden geliyor, metrodan beri arkamda", "artık yaşamak istemiyorum, her şeyi bitirmek istiyorum", "Merhaba, Türkçe yazabilir miyim?"),
        ["ar"] = ("ar-MA", "في رجل يلحقني الآن من المحطة وأنا خايفة", "ما بدي عيش بعد اليوم، بدي خلص من كل شي", "مرحبا، هل يمكنني الكتابة بالعربية؟"),
        ["pl"] = ("pl-PL", "jakiś facet idzie za mną od tramwaju i nie odpuszcza", "nie chcę już żyć, chcę żeby to się skończyło", "Dzień dobry, czy mogę pisać po polsku?"),
        ["uk"] = ("uk-UA", "якийсь чоловік іде за мною від метро, мені страшно", "я більше не хочу жити, хочу щоб усе закінчилось", "Привіт, можна писати українською?"),
    };

    public static TheoryData<string> Languages => new(Cases.Keys);

    private Task<DirectLineJsChat> StartAsync(string locale) => DirectLineJsChat.StartAsync(browser, fixture.Host, locale);

    private static string Choice(string language, string id) => Content.Text(language, "choice." + id);

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Chosen_from_the_list_the_greeting_question_comes_in_the_language(string language)
    {
        await using var chat = await StartAsync("nl-NL");
        var list = await chat.SayAsync("andere taal");
        Assert.Contains(Content.Pack(language).Name, list.Choices);

        var turn = await chat.SayAsync(Content.Pack(language).Name);

        Assert.All(turn.Replies, r => Assert.Equal(language, r.Locale));
        Assert.Contains(Content.Text(language, "greeting.ask-danger"), turn.Text);
        Assert.Contains(Choice(language, "no"), turn.Choices);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Danger_now_gets_112_at_once_and_suicidal_thoughts_113(string language)
    {
        var (culture, danger, suicidal, _) = Cases[language];
        await using (var chat = await StartAsync(culture))
        {
            var turn = await chat.SayAsync(danger);
            Assert.Equal("emergency", turn.HelpLines.FirstOrDefault());
            Assert.All(turn.Replies, r => Assert.Equal(language, r.Locale));
        }
        await using (var chat = await StartAsync(culture))
        {
            var turn = await chat.SayAsync(suicidal);
            Assert.Equal("113", turn.HelpLines.FirstOrDefault());
            Assert.All(turn.Replies, r => Assert.Equal(language, r.Locale));
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Writing_in_the_language_switches_to_it(string language)
    {
        await using var chat = await StartAsync("nl-NL");
        await chat.SayAsync("nee");

        var turn = await chat.SayAsync(Cases[language].First);

        Assert.Equal(language, turn.Replies[^1].Locale);
        // "can I write in Turkish?" names the language (switched); a message that only is Turkish is followed.
        Assert.True(turn.Text.Contains(Content.Text(language, "language.switched")) || turn.Text.Contains(Content.Text(language, "language.followed")), turn.Text);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task A_report_tapped_through_in_the_language_gets_its_code(string language)
    {
        await using var chat = await StartAsync(Cases[language].Culture);
        // At each question the first of these that is offered: past the danger question, the menu, the report's questions.
        string[] route = ["send", "no-follow-up", "today", "skip", "noord", "that-is-all", "gestures", "to-me", "melding", "report-or-police", "no"];
        var sent = Content.Text(language, "report.sent", new Dictionary<string, string> { ["code"] = "\u0001" }).Split('\u0001')[0];
        var turn = await chat.SayAsync(Choice(language, "no"));
        for (var step = 0; step < 20 && !turn.Text.Contains(sent, StringComparison.Ordinal); step++)
        {
            var next = route.FirstOrDefault(id => turn.Choices.Contains(Choice(language, id)));
            Assert.True(next is not null, $"no known choice in: {string.Join(" | ", turn.Choices)}\n{turn.Text}");
            turn = await chat.SayAsync(Choice(language, next!));
            Assert.All(turn.Replies, r => Assert.Equal(language, r.Locale));
        }

        Assert.Contains(sent, turn.Text);
        Assert.Matches(new Regex(Regex.Escape(sent) + @"\S+"), turn.Text);
    }
}
