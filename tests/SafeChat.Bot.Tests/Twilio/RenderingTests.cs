using SafeChat.Bot.Channels.DirectLine;
using SafeChat.Bot.Channels.Twilio;
using SafeChat.Dialogs.Activities;
using SafeChat.Dialogs.Content;
using SafeChat.Dialogs.Flows;

namespace SafeChat.Bot.Tests.Twilio;

/// <summary>One flow, three renderings: the same engine output as web chat, SMS and WhatsApp show it.</summary>
public class RenderingTests
{
    private static readonly ContentCatalog Content = ContentCatalog.LoadEmbedded();

    private static IReadOnlyList<Activity> Turn(params string[] messages)
    {
        var engine = SafeChatFlows.CreateEngine(Content);
        var state = new SafeChat.Dialogs.Engine.ConversationState();
        IReadOnlyList<Activity> replies = [];
        foreach (var message in messages) replies = engine.RunTurn(state, Activity.Message(message), DateTimeOffset.UtcNow);
        return replies;
    }

    [Fact]
    public void The_danger_question_and_the_112_card_in_three_channels()
    {
        var question = Turn("hoi").Last();
        var danger = Turn("hoi", "ja").First();

        var web = new WebChatRenderer();
        Assert.Equal(["Ja", "Nee"], web.Render(question.Clone()).SuggestedActions!.Actions.Select(a => a.Title));
        Assert.Equal(WebChatRenderer.HeroCard, web.Render(danger.Clone()).Attachments![0].ContentType);

        var sms = new TextChannelRenderer(Content, TwilioChannels.Sms);
        Assert.EndsWith("1. Ja\n2. Nee\nAntwoord 1 of 2.", sms.Render(question.Clone()).Text);
        var dangerSms = sms.Render(danger.Clone()).Text!;
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(dangerSms, @"\b112\b")); // the number once per message
        Assert.Contains(Content.Directory["emergency"].HoursIn("nl"), dangerSms); // and when it is open, and that it is free
        Assert.Null(sms.Render(question.Clone()).SuggestedActions);

        var whatsApp = new TextChannelRenderer(Content, TwilioChannels.WhatsApp);
        var buttons = whatsApp.Render(question.Clone());
        Assert.Equal(["Ja", "Nee"], buttons.SuggestedActions!.Actions.Select(a => a.Title)); // quick replies
        Assert.DoesNotContain("1. Ja", buttons.Text);
        var menu = whatsApp.Render(Turn("hoi", "nee").Last());
        Assert.Contains("5. Met een mens praten", menu.Text); // more than three: numbered
    }
}

public class HelpLinesOnTextChannelsTests
{
    private static readonly ContentCatalog Content = ContentCatalog.LoadEmbedded();

    [Theory]
    [InlineData("ik ben gisteren aangerand")]
    [InlineData("ik wil aangifte doen")]
    [InlineData("mijn ex bedreigt me steeds via berichten")]
    public void Every_number_appears_once_per_message_with_its_hours_and_cost(string message)
    {
        var engine = SafeChatFlows.CreateEngine(Content);
        var state = new SafeChat.Dialogs.Engine.ConversationState();
        engine.RunTurn(state, Activity.Message("hoi"), DateTimeOffset.UtcNow);
        engine.RunTurn(state, Activity.Message("nee"), DateTimeOffset.UtcNow);
        var replies = engine.RunTurn(state, Activity.Message(message), DateTimeOffset.UtcNow);
        var sms = new TextChannelRenderer(Content, TwilioChannels.Sms);
        var withCards = replies.Where(r => r.Attachments is { Count: > 0 }).ToList();
        Assert.NotEmpty(withCards);

        foreach (var reply in withCards)
        {
            var text = sms.Render(reply.Clone()).Text!;
            foreach (var card in reply.Attachments!.Select(SafeChat.Dialogs.Engine.ContactCard.From).OfType<SafeChat.Dialogs.Engine.ContactCard>())
            {
                if (card.Phone is { } phone) Assert.Equal(1, CountOf(text, phone));
                Assert.Contains(card.Hours, text);
            }
        }
    }

    private static int CountOf(string text, string phone) =>
        System.Text.RegularExpressions.Regex.Matches(text, $@"(?<![\d-]){System.Text.RegularExpressions.Regex.Escape(phone)}(?![\d-])").Count;
}

public class SmsTextTests
{
    [Theory]
    [InlineData('a', 160, 1)]
    [InlineData('a', 161, 2)]
    [InlineData('a', 306, 2)]
    [InlineData('a', 307, 3)]
    [InlineData('€', 80, 1)]
    [InlineData('€', 81, 2)]
    [InlineData('ł', 70, 1)]
    [InlineData('ł', 71, 2)]
    [InlineData('ł', 134, 2)]
    [InlineData('ł', 135, 3)]
    [InlineData('é', 160, 1)]
    public void Segments_follow_gsm7_and_ucs2_rules(char c, int count, int segments) =>
        Assert.Equal(segments, SmsText.Segments(new string(c, count)));

    [Theory]
    [InlineData("Tehlikede misin? Hemen çık.")]
    [InlineData("هل أنت في خطر؟")]
    [InlineData("Grozi ci niebezpieczeństwo? Szybkie wyjście.")]
    [InlineData("Тобі загрожує небезпека?")]
    public void Other_scripts_are_sent_as_ucs2_with_every_letter_kept(string text)
    {
        Assert.Equal(text, SmsText.PreferGsm(text));
        Assert.False(SmsText.IsGsm7(text));
        Assert.Equal(1, SmsText.Segments(text));
        var long70 = string.Concat(Enumerable.Repeat(text, 70 / text.Length + 1))[..71];
        Assert.Equal(2, SmsText.Segments(long70));
    }

    [Fact]
    public void Emoji_count_as_two_ucs2_units()
    {
        Assert.Equal(1, SmsText.Segments(string.Concat(Enumerable.Repeat("😀", 35))));
        Assert.Equal(2, SmsText.Segments(string.Concat(Enumerable.Repeat("😀", 36))));
    }

    [Fact]
    public void Look_alikes_are_replaced_so_dutch_text_stays_gsm7()
    {
        var text = SmsText.PreferGsm("Het is niet jouw schuld – ideeën? ‘Ben je oké?’");
        Assert.True(SmsText.IsGsm7(text), text);
        Assert.Equal("Het is niet jouw schuld - ideeen? 'Ben je oké?'", text);
    }

    [Fact]
    public void Long_texts_are_cut_between_words_within_twilios_limit()
    {
        var parts = SmsText.Split(string.Join(" ", Enumerable.Repeat("woord", 700)));
        Assert.True(parts.Count >= 3);
        Assert.All(parts, p => Assert.True(p.Length <= SmsText.MaxBody && !p.StartsWith(' ') && !p.EndsWith(' ')));
        Assert.Equal(700, parts.Sum(p => p.Split(' ').Length));
    }
}
