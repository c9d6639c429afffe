using SafeChat.Dialogs.Reports;
using SafeChat.Dialogs.Understanding;

namespace SafeChat.Dialogs.Tests.Understanding;

/// <summary>Dates through Microsoft.Recognizers.Text, the way people write them, in Dutch and English, and in Turkish
/// through its module's date words for the English recogniser.</summary>
public class WhenRecognizerTests
{
    // Wednesday 18 November 2026, 14:30 in Rotterdam (13:30 UTC).
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 13, 30, 0, TimeSpan.Zero);
    private static readonly Understander Understander = Understander.LoadEmbedded();

    [Theory]
    [InlineData("nl", "gisteravond rond 11 uur", "2026-11-17", PartOfDay.Evening)]
    [InlineData("nl", "gister rond 23:00", "2026-11-17", PartOfDay.Evening)]
    [InlineData("nl", "vorige week vrijdag", "2026-11-13", null)]
    [InlineData("nl", "vorige week dinsdag om half 10", "2026-11-10", PartOfDay.Morning)]
    [InlineData("nl", "eergisteren", "2026-11-16", null)]
    [InlineData("nl", "3 dagen geleden", "2026-11-15", null)]
    [InlineData("nl", "drie dagen geleden", "2026-11-15", null)]
    [InlineData("nl", "2 weken terug", "2026-11-04", null)]
    [InlineData("nl", "afgelopen zaterdagnacht", "2026-11-14", PartOfDay.Night)]
    [InlineData("nl", "vanochtend", "2026-11-18", PartOfDay.Morning)]
    [InlineData("nl", "vannacht om 3 uur", "2026-11-18", PartOfDay.Night)]
    [InlineData("nl", "vannacht", "2026-11-18", PartOfDay.Night)]
    [InlineData("nl", "vrijdag", "2026-11-13", null)]
    [InlineData("nl", "12 november rond half 6 's middags", "2026-11-12", PartOfDay.Afternoon)]
    [InlineData("nl", "eergisteren 's avonds", "2026-11-16", PartOfDay.Evening)]
    [InlineData("nl", "rond 23:00", "2026-11-17", PartOfDay.Evening)]
    [InlineData("nl", "24 december", "2025-12-24", null)]
    [InlineData("nl", "ik ben gisteren verkracht", "2026-11-17", null)]
    [InlineData("en", "yesterday around 10pm", "2026-11-17", PartOfDay.Evening)]
    [InlineData("en", "last night", "2026-11-17", PartOfDay.Night)]
    [InlineData("en", "on monday evening", "2026-11-16", PartOfDay.Evening)]
    [InlineData("en", "2 weeks ago", "2026-11-04", null)]
    [InlineData("en", "november 2nd", "2026-11-02", null)]
    [InlineData("en", "this morning at 8", "2026-11-18", PartOfDay.Morning)]
    [InlineData("en", "last saturday night", "2026-11-14", PartOfDay.Night)]
    [InlineData("tr", "dün akşam saat 9'da", "2026-11-17", PartOfDay.Evening)]
    [InlineData("tr", "evvelsi gün sabah", "2026-11-16", PartOfDay.Morning)]
    [InlineData("tr", "gecen cumartesi gecesi", "2026-11-14", PartOfDay.Night)]
    [InlineData("tr", "4 gün önce", "2026-11-14", null)]
    [InlineData("tr", "kasımın 10'unda", "2026-11-10", null)]
    [InlineData("tr", "pazartesi akşamı 8 gibi", "2026-11-16", PartOfDay.Evening)]
    [InlineData("tr", "2 saat önce", "2026-11-18", PartOfDay.Afternoon)]
    [InlineData("tr", "20 dk önce", "2026-11-18", PartOfDay.Afternoon)]
    public void Resolves_to_a_past_date_and_part_of_day(string language, string text, string date, PartOfDay? part)
    {
        var result = Understander.When(text, language, Now);

        Assert.NotNull(result?.Day);
        Assert.Equal(DateOnly.Parse(date), result.Day.Date);
        Assert.Equal(part, result.Day.Part);
        Assert.True(result.WithinAWeek == (Now.Date - result.Day.Date.ToDateTime(TimeOnly.MinValue)).TotalDays <= 7);
    }

    /// <summary>The recogniser's morning starts at 8; at 7 "vanochtend" was dropped as a time still to come.</summary>
    [Theory]
    [InlineData("nl", "vanochtend in de metro")]
    [InlineData("en", "this morning on the tram")]
    public void This_morning_said_before_eight_is_this_morning(string language, string text)
    {
        var sevenInRotterdam = new DateTimeOffset(2026, 11, 18, 6, 10, 0, TimeSpan.Zero);

        var result = Understander.When(text, language, sevenInRotterdam);

        Assert.Equal(new DateOnly(2026, 11, 18), result?.Day?.Date);
        Assert.Equal(PartOfDay.Morning, result?.Day?.Part);
    }

    [Theory]
    [InlineData("nl", "toen ik 14 was", false)]
    [InlineData("nl", "vorig jaar", false)]
    [InlineData("nl", "jaren geleden", false)]
    [InlineData("en", "when i was a kid", false)]
    [InlineData("en", "last year", false)]
    public void Knows_long_ago_without_a_date(string language, string text, bool withinAWeek)
    {
        var result = Understander.When(text, language, Now);

        Assert.NotNull(result);
        Assert.Null(result.Day);
        Assert.Equal(withinAWeek, result.WithinAWeek);
    }

    [Theory]
    [InlineData("nl", "weet ik niet meer")]
    [InlineData("nl", "banaan")]
    [InlineData("nl", "")]
    [InlineData("en", "no idea")]
    [InlineData("tr", "evvelki kocam beni takip ediyor")]
    [InlineData("tr", "15 gibi çocuk vardı parkta")]
    public void Says_nothing_when_there_is_no_time_in_it(string language, string text) =>
        Assert.Null(Understander.When(text, language, Now));
}
