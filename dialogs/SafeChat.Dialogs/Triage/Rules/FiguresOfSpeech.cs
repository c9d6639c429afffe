using System.Text.RegularExpressions;

namespace SafeChat.Dialogs.Triage.Rules;

/// <summary>
/// Death and harm said as a figure of speech ("ik ga dood van de hitte", "this week is killing me", "mn telefoon is bijna
/// dood"). Such words make the model unsure; taking them out and reading what is left tells whether anything else in
/// the message speaks of danger ("phone about to die, a man follows me" still does). The patterns come from every
/// language module.
/// </summary>
public sealed class FiguresOfSpeech(IEnumerable<string> patterns)
{
    private readonly Regex? _any = patterns.ToList() is { Count: > 0 } all
        ? new Regex(string.Join("|", all.Select(p => $"(?:{p})")), RegexOptions.Compiled | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))
        : null;

    /// <summary>The message without its figures of speech, or null when it has none.</summary>
    /// <param name="corrected">The text through <see cref="ChatSpelling.Correct"/>.</param>
    public string? Without(string corrected)
    {
        if (_any is null) return null;
        var lower = corrected.ToLowerInvariant();
        try
        {
            return _any.IsMatch(lower) ? _any.Replace(lower, " ").Trim() : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null; // a pattern gone wrong must never take away a 112
        }
    }
}
