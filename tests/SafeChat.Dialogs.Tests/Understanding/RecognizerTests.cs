using SafeChat.Dialogs.Engine;
using SafeChat.Dialogs.Triage;
using SafeChat.Dialogs.Understanding;

namespace SafeChat.Dialogs.Tests.Understanding;

/// <summary>Who, where, what, yes/no and the language, from what people write.</summary>
public class RecognizerTests
{
    private static readonly Understander Understander = Understander.LoadEmbedded();

    [Theory]
    [InlineData("ja graag", ShortAnswer.Yes)]
    [InlineData("klopt", ShortAnswer.Yes)]
    [InlineData("yes please", ShortAnswer.Yes)]
    [InlineData("nee hoor", ShortAnswer.No)]
    [InlineData("liever niet", ShortAnswer.No)]
    [InlineData("nee, nu niet", ShortAnswer.No)]
    [InlineData("not really", ShortAnswer.No)]
    [InlineData("misschien", ShortAnswer.Unsure)]
    [InlineData("weet ik niet", ShortAnswer.Unsure)]
    [InlineData("idk", ShortAnswer.Unsure)]
    [InlineData("nee, ik ben veilig", ShortAnswer.No)]
    public void Yes_no_and_unsure_as_people_say_them(string text, ShortAnswer expected) =>
        Assert.Equal(expected, Understander.Answers.Recognize(TextNormalizer.Normalize(text), "nl"));

    [Theory]
    [InlineData("ja maar hij staat er nog")]
    [InlineData("misschien morgen naar de politie")]
    public void A_longer_message_that_only_starts_like_an_answer_is_not_taken_as_one(string text) =>
        Assert.Null(Understander.Answers.Recognize(TextNormalizer.Normalize(text), "nl"));

    [Theory]
    [InlineData("bij metro Beurs", "centrum", "Metro Beurs")]
    [InlineData("op de Beijerlandselaan", "feijenoord", "Beijerlandselaan")]
    [InlineData("near Blaak station", "centrum", "Blaak")]
    [InlineData("in Charlois", "charlois", null)]
    [InlineData("bij het winkelcentrum Zuidplein", "charlois", "Winkelcentrum Zuidplein")]
    [InlineData("in Schiedam", "elsewhere", "Schiedam")]
    public void A_place_gives_its_district(string text, string district, string? place)
    {
        var told = Understander.Places.Recognize(TextNormalizer.Normalize(text));

        Assert.NotNull(told);
        Assert.Equal(district, told.District);
        Assert.Equal(place, told.Place);
    }

    [Fact]
    public void A_place_that_is_not_in_one_district_gives_none() =>
        Assert.Null(Understander.Places.Recognize(TextNormalizer.Normalize("om de hoek bij mij")));

    [Theory]
    [InlineData("op de Erasmusbrug", "Erasmusbrug", "centrum", "feijenoord")]
    [InlineData("ergens op de nieuwe binnenweg", "Nieuwe Binnenweg", "centrum", "delfshaven")]
    public void A_place_on_a_border_gives_the_two_districts_and_no_guess(string text, string place, string one, string other)
    {
        var told = Understander.Places.Recognize(TextNormalizer.Normalize(text));

        Assert.NotNull(told);
        Assert.Null(told.District);
        Assert.Equal(place, told.Place);
        Assert.Equal([one, other], told.Sides);
    }

    [Fact]
    public void Every_place_lies_in_a_known_district()
    {
        var districts = SafeChat.Dialogs.Reports.Districts.All.Select(d => d.Id).Append(SafeChat.Dialogs.Reports.Districts.Elsewhere).ToHashSet();
        Assert.All(Understander.Places.Places.SelectMany(p => p.District.Split('|')), d => Assert.Contains(d, districts));
    }

    [Theory]
    [InlineData("nl", "mijn ex blijft me appen", PersonKinds.Ex)]
    [InlineData("nl", "een jongen van mijn studie heeft me aangerand", PersonKinds.Acquaintance)]
    [InlineData("nl", "mijn date heeft me gedwongen", PersonKinds.Acquaintance)]
    [InlineData("nl", "mijn man slaat me", PersonKinds.Partner)]
    [InlineData("nl", "mijn stiefvader zat aan me", PersonKinds.Family)]
    [InlineData("nl", "een onbekende man volgde me", PersonKinds.Stranger)]
    [InlineData("en", "a guy from my class groped me", PersonKinds.Acquaintance)]
    [InlineData("en", "my roommate threatens me", PersonKinds.Housemate)]
    [InlineData("en", "a stranger followed me home", PersonKinds.Stranger)]
    public void Who_did_it(string language, string text, string kind) =>
        Assert.Equal(kind, Understander.Who(text, language));

    [Fact]
    public void Who_is_only_read_from_a_message_about_harm()
    {
        var triage = new TriageRecognizer();
        var now = DateTimeOffset.UtcNow;

        Assert.Null(Understander.Extract("mijn vriend kookt vanavond voor ons", "nl", triage.Recognize("mijn vriend kookt vanavond voor ons"), now).Who);
        Assert.Equal(PersonKinds.Partner, Understander.Extract("mijn vriend slaat me", "nl", triage.Recognize("mijn vriend slaat me"), now).Who);
    }

    [Theory]
    [InlineData("I was followed home from the tram yesterday and I want to report it", "en")]
    [InlineData("gisteren werd ik nageroepen bij het station en ik wil het melden", "nl")]
    [InlineData("hij is echt creepy en hij blijft me volgen", "nl")]
    public void The_language_of_a_message(string text, string language) =>
        Assert.Equal(language, Understander.Detector.Detect(text, confident: true));

    [Theory]
    [InlineData("ok")]
    [InlineData("yes")]
    [InlineData("Centrum")]
    public void A_word_or_two_is_no_reason_to_switch_language(string text) =>
        Assert.Null(Understander.Detector.Detect(text, confident: true));
}
