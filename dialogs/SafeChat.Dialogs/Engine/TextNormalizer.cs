using System.Globalization;
using System.Text;

namespace SafeChat.Dialogs.Engine;

/// <summary>Lower case, no accents, no surrounding punctuation, single spaces: how replies are compared.</summary>
public static class TextNormalizer
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var decomposed = text.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace) builder.Append(' ');
                lastWasSpace = true;
                continue;
            }
            if (c == Tatweel) continue;
            // Arabic-Indic and other decimal digits read as 0-9 ("٢" picks the second language, "١١٢" is 112).
            if (c is < '0' or > '9' && CharUnicodeInfo.GetDecimalDigitValue(c) is var digit and >= 0) { builder.Append((char)('0' + digit)); lastWasSpace = false; continue; }
            builder.Append(ArabicPunctuation(c));
            lastWasSpace = false;
        }
        // Lower case again: a Turkish capital İ only becomes a plain i once its dot is gone.
        return builder.ToString().ToLowerInvariant().Trim().Trim('.', '!', ',', ';', ':', '"', '\'').Trim();
    }

    /// <summary>The Arabic stretching stroke ("مساعـــدة") carries no meaning.</summary>
    private const char Tatweel = '\u0640';

    /// <summary>Arabic comma, semicolon and question mark read as their Latin twins, so clauses and questions are seen.</summary>
    private static char ArabicPunctuation(char c) => c switch
    {
        '\u060C' => ',',
        '\u061B' => ';',
        '\u061F' => '?',
        _ => c,
    };
}
