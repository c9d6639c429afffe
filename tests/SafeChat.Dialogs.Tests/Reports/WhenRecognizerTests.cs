using SafeChat.Dialogs.Reports;

namespace SafeChat.Dialogs.Tests.Reports;

public class WhenRecognizerTests
{
    // Wednesday 18 November 2026, 14:30 in Rotterdam (13:30 UTC).
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 13, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("gisteravond rond 11 uur", "2026-11-17", PartOfDay.Evening)]
    [InlineData("vorige week vrijdag", "2026-11-13", null)]
    [InlineData("yesterday around 10pm", "2026-11-17", PartOfDay.Evening)]
    [InlineData("vanochtend", "2026-11-18", PartOfDay.Morning)]
    [InlineData("vannacht om 3 uur", "2026-11-18", PartOfDay.Night)]
    [InlineData("last night", "2026-11-17", PartOfDay.Night)]
    [InlineData("vrijdag", "2026-11-13", null)]
    [InlineData("on monday evening", "2026-11-16", PartOfDay.Evening)]
    [InlineData("drie dagen geleden", "2026-11-15", null)]
    [InlineData("2 weeks ago", "2026-11-04", null)]
    [InlineData("12 november rond half 6 's middags", "2026-11-12", PartOfDay.Afternoon)]
    [InlineData("november 2nd", "2026-11-02", null)]
    [InlineData("op 3-11", "2026-11-03", null)]
    [InlineData("eergisteren 's avonds", "2026-11-16", PartOfDay.Evening)]
    [InlineData("this morning at 8", "2026-11-18", PartOfDay.Morning)]
    [InlineData("rond 23:00", "2026-11-17", PartOfDay.Evening)]
    [InlineData("24 december", "2025-12-24", null)]
    public void Resolves_dutch_and_english_to_a_past_date_and_part_of_day(string text, string date, PartOfDay? part)
    {
        var result = WhenRecognizer.Recognize(text, Now);

        Assert.NotNull(result);
        Assert.Equal(DateOnly.Parse(date), result.Date);
        Assert.Equal(part, result.Part);
    }

    [Theory]
    [InlineData("weet ik niet meer")]
    [InlineData("banaan")]
    [InlineData("")]
    public void Says_nothing_when_there_is_no_time_in_it(string text) =>
        Assert.Null(WhenRecognizer.Recognize(text, Now));
}
