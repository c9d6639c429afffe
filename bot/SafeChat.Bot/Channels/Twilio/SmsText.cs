using System.Text;

namespace SafeChat.Bot.Channels.Twilio;

/// <summary>
/// SMS text rules: one character outside GSM-7 makes the whole message UCS-2 (70 instead of 160 characters a
/// segment), so typographic look-alikes are replaced by plain ones; and long texts are cut on word boundaries.
/// </summary>
public static class SmsText
{
    private const string Gsm7 =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private const string Gsm7Extension = "^{}\\[~]|€\f";

    public const int MaxBody = 1600;

    /// <summary>Replaces characters that would force UCS-2 where a plain one says the same — only when that makes the
    /// whole text GSM-7: Turkish, Arabic, Polish and Ukrainian are UCS-2 anyway and keep every letter ("çık" stays).</summary>
    public static string PreferGsm(string text)
    {
        var plain = new StringBuilder(text)
            .Replace('’', '\'').Replace('‘', '\'').Replace('“', '"').Replace('”', '"').Replace('–', '-').Replace('—', '-')
            .Replace('…', '.').Replace('\u00A0', ' ').Replace("ë", "e").Replace("ï", "i").Replace("Ë", "E").Replace("ç", "c")
            .ToString();
        return IsGsm7(plain) ? plain : text;
    }

    public static bool IsGsm7(string text) => text.All(c => Gsm7.Contains(c) || Gsm7Extension.Contains(c));

    /// <summary>Segments Twilio will bill for this text: 160/153 septets (GSM-7) or 70/67 code units (UCS-2).</summary>
    public static int Segments(string text)
    {
        if (IsGsm7(text))
        {
            var septets = text.Sum(c => Gsm7Extension.Contains(c) ? 2 : 1);
            return septets <= 160 ? 1 : (int)Math.Ceiling(septets / 153.0);
        }
        return text.Length <= 70 ? 1 : (int)Math.Ceiling(text.Length / 67.0);
    }

    /// <summary>Cuts a long text into messages of at most <see cref="MaxBody"/> characters, between words.</summary>
    public static IReadOnlyList<string> Split(string text, int max = MaxBody)
    {
        var parts = new List<string>();
        var rest = text.Trim();
        while (rest.Length > max)
        {
            var cut = rest.LastIndexOfAny(['\n', ' '], max);
            if (cut <= 0) cut = max;
            parts.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }
        if (rest.Length > 0) parts.Add(rest);
        return parts;
    }
}
