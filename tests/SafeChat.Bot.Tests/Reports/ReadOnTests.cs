using System.Globalization;
using SafeChat.Bot.Reports;

namespace SafeChat.Bot.Tests.Reports;

/// <summary>The day the bot promises a report will be read comes from the queue's office hours.</summary>
public class ReadOnTests
{
    [Theory]
    [InlineData("2026-12-04T21:00:00+01:00", "2026-12-07")] // Friday night → Monday
    [InlineData("2026-12-05T12:00:00+01:00", "2026-12-07")] // Saturday → Monday
    [InlineData("2026-12-02T08:00:00+01:00", null)]         // Wednesday before opening → that day
    [InlineData("2026-12-02T10:00:00+01:00", null)]         // Wednesday morning → today
    public void Reports_are_read_on_the_next_office_day(string sentAt, string? readOn)
    {
        var book = new DbReportBook(null!, new WorkingHours(new QueueOptions()));

        var day = book.ReadOn(DateTimeOffset.Parse(sentAt, CultureInfo.InvariantCulture));

        Assert.Equal(readOn is null ? null : DateOnly.Parse(readOn, CultureInfo.InvariantCulture), day);
    }
}
