using System.Text.RegularExpressions;

namespace SafeChat.Bot.Tests.Support;

/// <summary>Makes a report through the chat, as a person would, and returns its code.</summary>
public static class ReporterJourney
{
    public static readonly string[] TouchedYesterdayReplyInChat =
        ["Mij", "Aanraken of vastpakken", "Dit is alles", "Centrum", "metro Beurs", "gisteren",
         "Hij greep me vast. Mail me gerust op iemand@example.nl of bel 06-11223344", "Ja, in deze chat", "Ja", "Versturen"];

    public static readonly string[] GesturesNoFollowUp =
        ["Iemand anders, ik zag het", "Gebaren", "Dit is alles", "Noord", "Overslaan", "Eerder", "Overslaan", "Nee, dat hoeft niet", "Versturen"];

    public static readonly string[] FollowingCallMe =
        ["Mij", "Volgen", "Dit is alles", "Charlois", "Overslaan", "Vandaag", "Overslaan", "Ja, bel me", "06 23456789", "Avond", "Nee", "Versturen"];

    public static async Task<(DirectLineTestClient Chat, string Code)> ReportAsync(HttpClient http, params string[] answers)
    {
        var chat = await DirectLineTestClient.StartAsync(http);
        await chat.WaitForQuestionAsync();
        await chat.ReplyAsync("ik wil een melding maken");
        foreach (var answer in answers) await chat.ReplyAsync(answer);
        var set = await chat.WaitForAsync(s => s.Describe().Contains("status "));
        var code = Regex.Match(set.Describe(), @"status ([A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5})").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(code), set.Describe());
        return (chat, code);
    }
}
