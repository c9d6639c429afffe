using System.Text.RegularExpressions;

namespace SafeChat.Dialogs.Triage.Rules;

/// <summary>
/// Phrases of one kind from every language module, as regular expressions over the corrected, lower-case text: figures
/// of speech ("ik ga dood van de hitte", "this week is killing me"), whose words make the model unsure, so what is left
/// without them is read again ("phone about to die, a man follows me" still speaks of danger); and questions about what
/// to do *if* ("wat moet ik doen als iemand me volgt?").
/// </summary>
public sealed class PhrasePatterns(IEnumerable<string> patterns)
{
    private readonly Regex? _any = patterns.ToList() is { Count: > 0 } all
        ? new Regex(string.Join("|", all.Select(p => $"(?:{p})")), RegexOptions.Compiled | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))
        : null;

    /// <summary>The message without the phrases, or null when it has none.</summary>
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
