using System.Text.RegularExpressions;

namespace SafeChat.Dialogs.Triage.Rules;

/// <summary>
/// Phrases of one kind from every language module, as regular expressions over the corrected, lower-case text: figures
/// of speech ("ik ga dood van de hitte", "this week is killing me"), whose words make the model unsure, so what is left
/// without them is read again ("phone about to die, a man follows me" still speaks of danger); and questions about what
/// to do *if* ("wat moet ik doen als iemand me volgt?").
/// </summary>
public sealed class PhrasePatterns
{
    private readonly Regex? _any;

    public PhrasePatterns(IEnumerable<string> patterns)
    {
        if (patterns.ToList() is not { Count: > 0 } all) return;
        _any = new Regex(string.Join("|", all.Select(p => $"(?:{p})")), RegexOptions.Compiled | RegexOptions.CultureInvariant, MatchTimeout);
        // The first match compiles the pattern's code (over half a second for the figures of speech of six languages),
        // and that counted against the timeout: on a busy machine the first message with a figure of speech timed out
        // and kept its needless check question. Paid here, once, instead.
        try
        {
            _any.IsMatch("warm up");
        }
        catch (RegexMatchTimeoutException)
        {
            // The code is compiled all the same; only a pattern gone wrong on real text is worth the timeout.
        }
    }

    /// <summary>Against catastrophic backtracking in a module's pattern: past this the phrase counts as absent.</summary>
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Whether the (lower-case) text has one of the phrases.</summary>
    public bool In(string text)
    {
        try
        {
            return _any?.IsMatch(text.ToLowerInvariant()) == true;
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

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
