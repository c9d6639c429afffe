using SafeChat.Dialogs.Triage;

namespace SafeChat.Dialogs.Tests.Triage;

/// <summary>
/// A cry typed in panic with the keyboard still on Latin letters comes out as Latin gibberish; each module with its own
/// script gives its keyboard (`shortCries.keyboard`), and a short cry read through it is danger like any other.
/// Ordinary Latin words must not turn into cries that way.
/// </summary>
public class WrongKeyboardTests
{
    private static readonly TriageRecognizer Recognizer = new();

    [Theory]
    [InlineData("hzneqnt", "uk")]          // рятуйте on a Ukrainian keyboard
    [InlineData("gjvjubnt!!", "uk")]       // помогите, the Russian many Ukrainians write
    [InlineData("HZNEQNT VTYT", "uk")]     // рятуйте мене, with caps lock on
    [InlineData("hgk[]m", "ar")]           // النجدة on an Arabic keyboard
    [InlineData("hgk[]m", "nl")]           // the same in a Dutch conversation: people cry in the language that comes first
    public void A_cry_typed_on_the_wrong_keyboard_is_danger(string typed, string language) =>
        Assert.Contains(Signal.Emergency, Recognizer.Recognize(typed, language).Signals);

    [Theory]
    [InlineData("hello", "uk")]
    [InlineData("ok", "ar")]
    [InlineData("thanks", "uk")]
    [InlineData("cjkywt", "uk")]           // сонце (the sun) on a Ukrainian keyboard: not a cry
    [InlineData("Zuidplein", "ar")]
    public void Ordinary_latin_words_stay_ordinary(string typed, string language) =>
        Assert.DoesNotContain(Signal.Emergency, Recognizer.Recognize(typed, language).Signals);
}
