using SafeChat.Dialogs.Engine;

namespace SafeChat.Dialogs.Triage;

/// <summary>Dutch or English, from the little words every sentence has. Dutch when in doubt.</summary>
public static class LanguageDetector
{
    private static readonly HashSet<string> Dutch =
    [
        "ik", "je", "jij", "de", "het", "een", "en", "niet", "dat", "wat", "mijn", "mij", "van", "op", "er", "met",
        "hoe", "kan", "wil", "ben", "hij", "zij", "ze", "naar", "maar", "dit", "die", "nog", "heb", "hoi", "hallo",
        "dank", "bedankt", "wel", "ook", "wordt", "word", "werd", "waar", "moet", "iemand", "geen", "nee", "ja",
        "gisteren", "vandaag", "straat", "zijn", "hem", "haar", "bij", "om", "te", "als", "deze", "heeft", "mag",
    ];

    private static readonly HashSet<string> English =
    [
        "i", "you", "the", "a", "an", "and", "not", "that", "what", "my", "of", "on", "with", "how", "can", "want",
        "am", "he", "she", "they", "to", "but", "this", "was", "have", "hi", "hello", "thanks", "thank", "i'm",
        "im", "is", "are", "it", "do", "does", "did", "someone", "yes", "no", "yesterday", "today", "street",
        "his", "her", "at", "for", "if", "these", "has", "may", "should", "would", "guy", "man", "right", "now",
    ];

    public static string? Detect(string text)
    {
        var words = TextNormalizer.Normalize(text).Split([' ', ',', '.', '!', '?', ';', ':'], StringSplitOptions.RemoveEmptyEntries);
        var dutch = words.Count(Dutch.Contains);
        var english = words.Count(English.Contains);
        if (dutch == 0 && english == 0) return null;
        return english > dutch ? "en" : "nl";
    }
}
