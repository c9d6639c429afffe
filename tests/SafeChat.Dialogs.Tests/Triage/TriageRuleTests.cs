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
