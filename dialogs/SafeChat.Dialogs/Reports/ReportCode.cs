using System.Security.Cryptography;

namespace SafeChat.Dialogs.Reports;

/// <summary>
/// The code a reporter keeps to look a report up later, on any channel. It works like a password, so it is long enough
/// that guessing is hopeless at the allowed rate: fifteen characters from an alphabet without look-alikes (no 0/O,
/// 1/I/L, 2/Z, 5/S, 8/B), about 70 bits, shown in three groups to read aloud: ACDEF-GHJKM-NPQRT. Codes given before
/// (eight characters, ABCD-EFGH) are still read.
/// </summary>
public static class ReportCode
{
    public const string Alphabet = "ACDEFGHJKMNPQRTUVWXY34679";
    public const int Length = 15, GroupLength = 5, LegacyLength = 8;

    /// <summary>The longest a code can be written: three groups and two dashes.</summary>
    public const int MaxWritten = Length + 2;

    public static string New()
    {
        Span<char> code = stackalloc char[Length];
        for (var i = 0; i < code.Length; i++) code[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return Grouped(code);
    }

    /// <summary>Reads a code however it was typed (lower case, spaces, no dashes); null if it cannot be one.</summary>
    public static string? Parse(string? text)
    {
        if (text is null) return null;
        var letters = new string(text.ToUpperInvariant().Where(char.IsLetterOrDigit).ToArray());
        if (letters.Any(c => !Alphabet.Contains(c))) return null;
        return letters.Length switch
        {
            Length => Grouped(letters),
            LegacyLength => $"{letters[..4]}-{letters[4..]}",
            _ => null,
        };
    }

    private static string Grouped(ReadOnlySpan<char> code) =>
        $"{code[..GroupLength]}-{code[GroupLength..(2 * GroupLength)]}-{code[(2 * GroupLength)..]}";
}
