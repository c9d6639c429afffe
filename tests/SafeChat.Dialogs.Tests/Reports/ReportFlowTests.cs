using SafeChat.Dialogs.Reports;
using SafeChat.Dialogs.Tests.Engine;

namespace SafeChat.Dialogs.Tests.Reports;

public class ReportFlowTests
{
    // Wednesday 18 November 2026, 14:30 in Rotterdam.
    private static readonly DateTimeOffset Now = new(2026, 11, 18, 13, 30, 0, TimeSpan.Zero);

    private static EngineDriver AtReport()
    {
        var chat = new EngineDriver { Now = Now };
        chat.Start();
        chat.Say("ik wil een melding maken"); // own words at the first question lead straight to the report
        return chat;
    }

    [Fact]
    public void A_complete_report_is_summarised_and_only_stored_after_approval()
    {
        var chat = AtReport();
        chat.Say("Mij");
        chat.Say("Opmerkingen, fluiten of geluiden");
        Assert.Contains("Dit is alles", chat.Say("Volgen").Choices());
        chat.Say("Dit is alles");
        chat.Say("Centrum");
        chat.Say("metro Beurs");
        chat.Say("gisteravond rond 11 uur");
        chat.Say("Hij riep dingen, bel me op 06-12345678 of mail a.b@example.nl");
        chat.Say("Ja, bel me");
        chat.Say("06 1234 5678");
        chat.Say("Avond");
        var summary = chat.Say("Ja"); // a warm handover is fine

        Assert.Empty(chat.LastEffects);
        Assert.Contains("Centrum (metro Beurs)", summary.Texts());
        Assert.Contains("dinsdag 17 november, 's avonds", summary.Texts());
        Assert.DoesNotContain("06-12345678", summary.Texts());

        var sent = chat.Say("Versturen");

        var report = Assert.IsType<ReportSubmitted>(Assert.Single(chat.LastEffects));
        Assert.Equal(["remarks", "following"], report.Categories);
        Assert.Equal("centrum", report.District);
        Assert.Equal(new DateOnly(2026, 11, 17), report.OccurredOn);
        Assert.Equal(PartOfDay.Evening, report.PartOfDay);
        Assert.DoesNotContain("12345678", report.Description);
        Assert.DoesNotContain("@", report.Description);
        Assert.Equal(FollowUp.ByPhone, report.FollowUp);
        Assert.Equal("+31612345678", report.Phone);
        Assert.Equal("evening", report.CallWindow);
        Assert.True(report.HandoverConsent);
        Assert.Contains(report.Code, sent.Texts());
        Assert.NotNull(ReportCode.Parse(report.Code));
    }

    [Fact]
    public void A_bridge_between_two_districts_is_kept_and_only_the_district_is_asked()
    {
        var chat = AtReport();
        chat.Say("Mij");
        chat.Say("Opmerkingen, fluiten of geluiden");
        chat.Say("Dit is alles");
        var side = chat.Say("op de Erasmusbrug");
        Assert.Contains("Erasmusbrug ligt in twee delen van Rotterdam", side.Texts());
        Assert.Equal(["Centrum", "Feijenoord"], side.Choices());
        var next = chat.Say("Feijenoord");
        Assert.DoesNotContain("preciezer", next.Texts()); // the place is known: not asked again
        chat.Say("gisteren");
        chat.Say("Overslaan");
        var summary = chat.Say("Nee, dat hoeft niet").Texts();
        Assert.Contains("Erasmusbrug", summary);
        Assert.Contains("Feijenoord", summary);
    }

    [Fact]
    public void Not_sending_stores_nothing()
    {
        var chat = AtReport();
        foreach (var answer in new[] { "Iemand anders, ik zag het", "Gebaren", "Dit is alles", "Noord", "Overslaan", "Vandaag", "Overslaan", "Nee, dat hoeft niet" })
            chat.Say(answer);

        var replies = chat.Say("Niet versturen");

        Assert.Empty(chat.LastEffects);
        Assert.Contains("niets opgeslagen", replies.Texts());
        Assert.Contains("Terug naar het menu", replies.Choices()); // back at the menu: anything else?
    }

    [Fact]
    public void An_unreadable_time_or_phone_number_is_asked_again()
    {
        var chat = AtReport();
        foreach (var answer in new[] { "Mij", "Gebaren", "Dit is alles", "Noord", "Overslaan" })
            chat.Say(answer);

        var unclear = chat.Say("ergens in de zomer misschien");
        Assert.Contains("niet als dag of tijd lezen", unclear.Texts());
        Assert.Contains("emergency", unclear.Contacts());
        chat.Say("Vandaag");
        chat.Say("Overslaan");
        chat.Say("Ja, bel me");
        Assert.Contains("geen telefoonnummer", chat.Say("weet ik niet").Texts());
    }
}

public class ReportPiecesTests
{
    [Theory]
    [InlineData("bel 010-1234567 nu", "bel […] nu")]
    [InlineData("mijn nummer is +31 6 12 34 56 78.", "mijn nummer is […].")]
    [InlineData("mail naar iemand@voorbeeld.nl", "mail naar […]")]
    [InlineData("bsn 123456782 en iban NL91 ABNA 0417 1643 00", "bsn […] en iban […]")]
    [InlineData("om 11 uur bij halte 3", "om 11 uur bij halte 3")]
    public void Scrubbing_removes_contact_details_and_long_numbers_but_keeps_ordinary_ones(string text, string expected) =>
        Assert.Equal(expected, TextScrubber.Scrub(text));

    [Fact]
    public void Report_codes_avoid_look_alikes_and_read_back_however_typed()
    {
        var code = ReportCode.New();

        Assert.Matches("^[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}$", code);
        Assert.DoesNotContain(code, c => "01258OILZSB".Contains(c));
        Assert.Equal(code, ReportCode.Parse(code.ToLowerInvariant().Replace("-", " ")));
        Assert.Null(ReportCode.Parse("ACDEF-GHJKM-NPQR0"));
        Assert.Equal("ACDE-FGHJ", ReportCode.Parse("acdefghj")); // codes given before still read
        // Long enough that guessing is hopeless: at least 60 bits.
        Assert.True(ReportCode.Length * Math.Log2(ReportCode.Alphabet.Length) >= 60);
    }

    [Fact]
    public void After_five_wrong_codes_a_conversation_can_look_nothing_up()
    {
        var chat = new EngineDriver();
        chat.Start();
        for (var i = 0; i < 5; i++) chat.Say("status ACDEF-GHJKM-NPQR" + "TUVWX"[i]);

        var replies = chat.Say("status ACDEF-GHJKM-NPQRY");

        Assert.Contains("te vaak", replies.Texts());
    }

    [Fact]
    public void Locations_become_cells_of_about_250_metres()
    {
        // Near Beurs: points 60 m apart in one cell; the cells themselves about 250 m on each side.
        Assert.Equal(GridCell.Of(51.9190, 4.4810), GridCell.Of(51.9192, 4.4815));
        var north = GridCell.Of(51.9190 + 0.00225, 4.4810);
        var east = GridCell.Of(51.9190, 4.4810 + 0.0037);
        Assert.NotEqual(GridCell.Of(51.9190, 4.4810), north);
        Assert.NotEqual(GridCell.Of(51.9190, 4.4810), east);
        Assert.InRange(0.00225 * 111_320, 240, 260);                                 // metres per cell, north-south
        Assert.InRange(0.0037 * 111_320 * Math.Cos(51.92 * Math.PI / 180), 240, 260); // and east-west
    }
}
