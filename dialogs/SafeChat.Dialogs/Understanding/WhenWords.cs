using System.Globalization;
using SafeChat.Dialogs.Engine;

namespace SafeChat.Dialogs.Understanding;

/// <summary>Says back, in the conversation's language, when the person said it happened ("maandag 30 november,
/// 's avonds", "in de afgelopen week").</summary>
public static class WhenWords
{
    public static string Describe(StepContext step, Facts facts)
    {
        if (facts.Day is { } day)
        {
            var culture = CultureInfo.GetCultureInfo(step.Text("language.culture"));
            var text = day.ToString("dddd d MMMM", culture);
            return facts.Part is { } part ? $"{text}, {step.Text("part." + part.ToString().ToLowerInvariant())}" : text;
        }
        return step.Text(facts.WithinAWeek == true ? "when.within-a-week" : facts.WithinAWeek == false ? "when.longer-ago" : "when.unknown");
    }
}
