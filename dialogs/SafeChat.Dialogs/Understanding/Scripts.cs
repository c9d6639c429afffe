namespace SafeChat.Dialogs.Understanding;

/// <summary>The writing system a letter belongs to. A message in a script that only one language module writes in
/// (Arabic letters, Cyrillic) tells its language even when it is one word long.</summary>
public static class Scripts
{
    public const string Latin = "latin";

    public static string? Of(char c) => c switch
    {
        >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '\u00C0' and <= '\u024F' or >= '\u1E00' and <= '\u1EFF' => Latin,
        >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\u08A0' and <= '\u08FF'
            or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF' => "arabic",
        >= '\u0400' and <= '\u052F' => "cyrillic",
        >= '\u0370' and <= '\u03FF' => "greek",
        >= '\u0590' and <= '\u05FF' => "hebrew",
        _ when char.IsLetter(c) => "other",
        _ => null,
    };

    /// <summary>The script most letters of the text are in, when at least 60 % are; null for no letters or a mix.</summary>
    public static string? Dominant(string text) => Dominant(text, 0.6);

    /// <summary>The script at least <paramref name="share"/> of the text's letters are in.</summary>
    public static string? Dominant(string text, double share)
    {
        var counts = text.Select(Of).Where(s => s is not null).GroupBy(s => s!).Select(g => (Script: g.Key, Count: g.Count())).ToList();
        var total = counts.Sum(c => c.Count);
        if (total == 0) return null;
        var top = counts.MaxBy(c => c.Count);
        return top.Count >= total * share ? top.Script : null;
    }
}
