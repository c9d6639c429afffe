using System.Security.Cryptography;

namespace SafeChat.Dialogs.Reports;

/// <summary>
/// The code a reporter keeps to look a report up later, on any channel: eight characters from an alphabet
/// without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B), shown as ABCD-EFGH.
/// </summary>
public static class ReportCode
{
    public const string Alphabet = "ACDEFGHJKMNPQRTUVWXY34679";

    public static string New()
    {
        Span<char> code = stackalloc char[8];
        for (var i = 0; i < code.Length; i++) code[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return $"{code[..4]}-{code[4..]}";
    }

    /// <summary>Reads a code however it was typed (lower case, spaces, no dash); null if it cannot be one.</summary>
    public static string? Parse(string? text)
    {
        if (text is null) return null;
        var letters = new string(text.ToUpperInvariant().Where(char.IsLetterOrDigit).ToArray());
        if (letters.Length != 8 || letters.Any(c => !Alphabet.Contains(c))) return null;
        return $"{letters[..4]}-{letters[4..]}";
    }
}
