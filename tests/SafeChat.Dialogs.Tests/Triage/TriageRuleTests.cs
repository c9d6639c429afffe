using SafeChat.Dialogs.Triage;
using SafeChat.Dialogs.Triage.Rules;

namespace SafeChat.Dialogs.Tests.Triage;

public class TriageRuleTests
{
    [Fact]
    public void No_rule_was_mangled_by_string_interpolation()
    {
        // In an interpolated pattern "{0,30}" silently becomes a padded "0": it shows as a run of spaces.
        var patterns = TriageRules.All.Select(r => r.Pattern.ToString()).Concat(DangerCues.Strong.Select(c => c.ToString()));
        Assert.All(patterns, p => Assert.DoesNotContain("  ", p));
    }

    [Fact]
    public void Every_rule_gives_a_signal_from_the_fixed_set()
    {
        Assert.All(TriageRules.All, r => Assert.Contains(r.Signal, Signal.All));
    }

    [Theory]
    [InlineData("hij volgt me niet meer", false)]
    [InlineData("I'm not in danger", false)]
    [InlineData("hij volgde me gisteren", false)]
    [InlineData("mijn vriendin slaat me als ze boos is", false)]
    [InlineData("er bonkt iemand op mijn deur", true)]
    [InlineData("he's got a knife", true)]
    [InlineData("heeeelp er volgt me iemaaand", true)]
    public void Negation_tense_and_habit_decide_danger_now(string text, bool emergency)
    {
        Assert.Equal(emergency, new TriageRecognizer().Recognize(text).Signals.Contains(Signal.Emergency));
    }
}

public class ShortCryTests
{
    private static readonly SafeChat.Dialogs.Triage.Rules.ShortCries Cries = SafeChat.Dialogs.Understanding.Understander.LoadEmbedded().ShortCries;

    [Theory]
    [InlineData("HULP", true)]
    [InlineData("hulppp!!", true)]
    [InlineData("hellllp", true)]
    [InlineData("please help me now", true)]
    [InlineData("snel!!", true)]
    [InlineData("sos", true)]
    [InlineData("🆘", true)]
    [InlineData("hulp bij melden", false)]
    [InlineData("help me met een melding maken", false)]
    [InlineData("now", false)]
    [InlineData("", false)]
    public void A_cry_of_a_few_words_is_found_in_every_language_with_the_words_around_it(string text, bool cry) =>
        Assert.Equal(cry, Cries.IsCry(SafeChat.Dialogs.Triage.ChatSpelling.Correct(text)));
}
