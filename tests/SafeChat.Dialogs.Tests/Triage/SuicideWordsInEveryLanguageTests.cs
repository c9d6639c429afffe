using SafeChat.Dialogs.Triage;

namespace SafeChat.Dialogs.Tests.Triage;

/// <summary>
/// A clear statement of suicide gets 113 in every language, however the model scores it: the newer modules add their
/// words to the two self-harm rules (triage-rules.json). In a conversation in that language and in a Dutch one (the
/// message may be the first thing someone writes).
/// </summary>
public class SuicideWordsInEveryLanguageTests
{
    private static readonly TriageRecognizer Recognizer = new();

    [Theory]
    [InlineData("ar", "nefsi amoot")] // the model alone misses it; the Arabizi part of the rule catches it
    [InlineData("ar", "wallah bghit nmout, ma b9itch kan9der")]
    [InlineData("ar", "ابغى اموت والله تعبت")]
    [InlineData("ar", "كنفكر فالانتحار من شهر")]
    [InlineData("tr", "artik olmek istiyorum kimse beni anlamiyor")]
    [InlineData("tr", "dün gece intihar etmeyi düşündüm")]
    [InlineData("pl", "juz nie chce zyc w tym kraju")]
    [InlineData("pl", "myślę o samobójstwie od tygodnia")]
    [InlineData("uk", "я більше не хочу жити")]
    [InlineData("uk", "думаю покінчити з собою")]
    public void A_clear_statement_of_suicide_gets_113(string language, string message)
    {
        Assert.Contains(Signal.SelfHarm, Recognizer.Recognize(message, language).Signals);
        Assert.Contains(Signal.SelfHarm, Recognizer.Recognize(message, "nl").Signals);
    }
}
