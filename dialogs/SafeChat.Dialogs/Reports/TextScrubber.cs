using System.Text.RegularExpressions;
using PhoneNumbers;

namespace SafeChat.Dialogs.Reports;

/// <summary>
/// Removes what could identify someone from free text before it is stored: phone numbers (found by
/// libphonenumber, Dutch and international), e-mail addresses, IBANs and long digit strings such as a BSN.
/// </summary>
public static partial class TextScrubber
{
    public const string Removed = "[…]";
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    public static string Scrub(string text)
    {
        // IBANs and e-mail addresses first: their digits would otherwise look like phone numbers.
        var result = Iban().Replace(text, Removed);
        result = Email().Replace(result, Removed);
        foreach (var match in Phones.FindNumbers(result, "NL", PhoneNumberUtil.Leniency.POSSIBLE, long.MaxValue).Reverse())
            result = result[..match.Start] + Removed + result[(match.Start + match.Length)..];
        result = LongDigits().Replace(result, Removed);
        return result;
    }

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(\.[\w-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"\b[A-Z]{2}\d{2}\s?[A-Z]{4}(\s?\d{2,4}){2,7}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Iban();

    [GeneratedRegex(@"\d[\d .-]{5,}\d")]
    private static partial Regex LongDigits();
}
