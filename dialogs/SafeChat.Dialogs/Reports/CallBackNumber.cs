using PhoneNumbers;

namespace SafeChat.Dialogs.Reports;

/// <summary>A phone number the person gave for a call back, checked and written in E.164 (+31…).</summary>
public static class CallBackNumber
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            var number = Util.Parse(text, "NL");
            return Util.IsValidNumber(number) ? Util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
