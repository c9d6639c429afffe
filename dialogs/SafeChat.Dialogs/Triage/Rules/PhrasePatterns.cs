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
    // Interpreted, not compiled: compiling the six languages' patterns to code left the runtime's JIT with about 55 MB
    // of native memory that the process kept for good (README, Load benchmark). Each phrase has its own expression so
    // the engine can jump to where its first words could start; one alternation of them all was slower, compiled or not.
    private readonly Regex[] _each = [];
    private readonly Regex? _any;

    public PhrasePatterns(IEnumerable<string> patterns)
    {
        if (patterns.ToList() is not { Count: > 0 } all) return;
        _each = [.. all.Select(p => new Regex(p, RegexOptions.CultureInvariant, MatchTimeout))];
        // Removes them all in one pass, leftmost first, as it did when one expression also did the finding.
        _any = new Regex(string.Join("|", all.Select(p => $"(?:{p})")), RegexOptions.CultureInvariant, MatchTimeout);
    }

    /// <summary>Against catastrophic backtracking in a module's pattern, per phrase: a phrase past this makes the whole
    /// list count as absent (unless one before it matched), never a reason to fail the message.</summary>
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Whether the (lower-case) text has one of the phrases.</summary>
    public bool In(string text)
    {
        try
        {
            return Has(text.ToLowerInvariant());
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
            return Has(lower) ? _any.Replace(lower, " ").Trim() : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null; // a pattern gone wrong must never take away a 112
        }
    }

    private bool Has(string lower)
    {
        foreach (var phrase in _each)
            if (phrase.IsMatch(lower)) return true;
        return false;
    }
}
