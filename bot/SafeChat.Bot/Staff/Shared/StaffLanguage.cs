using System.Globalization;
using SafeChat.Dialogs.Content;

namespace SafeChat.Bot.Staff.Shared;

/// <summary>
/// A conversation's or report's language as staff see it: its name in its own script, with the English name beside it
/// ("العربية (Arabic)"), from the language module and .NET's culture data, so a new module needs no change here.
/// </summary>
public static class StaffLanguage
{
    public static string Describe(string? code, ContentCatalog content)
    {
        if (string.IsNullOrWhiteSpace(code)) return "onbekend";
        var own = content.Has(code) ? content.Pack(code).Name : code;
        var english = EnglishName(code);
        return english is null || string.Equals(english, own, StringComparison.OrdinalIgnoreCase) ? own : $"{own} ({english})";
    }

    /// <summary>Written in another language than the default: staff see the original, and that nothing translated it.</summary>
    public static bool IsOther(string? code) => code is not null && code != ContentCatalog.DefaultLanguage;

    /// <summary>The writing direction of a language's text, for the dir attribute.</summary>
    public static string Direction(string? code, ContentCatalog content) =>
        code is not null && content.Has(code) && content.Pack(code).IsRightToLeft ? "rtl" : "ltr";

    private static string? EnglishName(string code)
    {
        try { return CultureInfo.GetCultureInfo(code).EnglishName; }
        catch (CultureNotFoundException) { return null; }
    }
}
