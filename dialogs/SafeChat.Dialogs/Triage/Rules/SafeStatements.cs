using System.Text.RegularExpressions;
using static SafeChat.Dialogs.Triage.Rules.TriageLanguages;

namespace SafeChat.Dialogs.Triage.Rules;

/// <summary>
/// The person says they are safe now ("ik ben veilig", "no danger", "hij is weg"), or that what someone did has stopped
/// ("hij volgt me niet meer"). The first takes a needless 112 away; the second only an unsure one, because
/// "I don't feel safe anymore" also ends in "anymore". The words are the language modules' (safeStatements in
/// Languages/&lt;code&gt;/triage-rules.json); this class keeps how they are put together.
/// </summary>
public static class SafeStatements
{
    /// <summary>The whole message says the person is safe or not in danger, or that someone stopped; nothing else.</summary>
    public static bool IsSafeStatement(string text)
    {
        var corrected = ChatSpelling.Correct(text);
        return IsSafeNowCorrected(corrected) || HasStoppedCorrected(corrected);
    }

    /// <summary>The whole message says the person is safe now or not in danger, in one sentence or in a few that each
    /// say so ("he's gone now, I'm fine").</summary>
    public static bool IsSafeNowCorrected(string corrected)
    {
        var normalized = Trim(corrected);
        if (NotSafe.IsMatch(normalized)) return false;
        return SafeNow.IsMatch(normalized) || SafePlace.IsMatch(normalized) || AllPartsSafe(normalized, placeIsEnough: true);
    }

    /// <summary>Every part of it says the person is safe ("ik ben nu binnen, deur op slot, hij is weg"), and at least one
    /// says so by itself: safe, he has gone, or — only for a whole message — at home. At home behind a locked door says
    /// so too, also at the end of a story.</summary>
    private static bool AllPartsSafe(string text, bool placeIsEnough) => AllSafe(Parts(text), placeIsEnough);

    private static List<string> Parts(string text) => PartBreak.Split(text).Select(c => c.Trim()).Where(c => c.Length > 0).ToList();

    private static bool AllSafe(IReadOnlyList<string> parts, bool placeIsEnough) =>
        parts.Count > 1
        && (parts.Any(c => SafeNow.IsMatch(c) || Away.IsMatch(c) || placeIsEnough && SafePlace.IsMatch(c))
            || parts.Any(c => SafePlace.IsMatch(c)) && parts.Any(c => SecuredNow.IsMatch(c)))
        && parts.All(SafePart);

    private static bool SafePart(string part) =>
        SafeNow.IsMatch(part) || SafePlace.IsMatch(part) || Away.IsMatch(part) || AloneNow.IsMatch(part) || SecuredNow.IsMatch(part)
        || ThanksPart.IsMatch(part) || GoOnPart.IsMatch(part) || NoLonger.IsMatch(part) && !AboutOneself.IsMatch(part);

    /// <summary>The whole message thanks for the help ("dankjewel voor je hulp", "thanks for the help!"): small talk, even
    /// with the word "help" in it.</summary>
    public static bool IsThanksCorrected(string corrected) => ThanksPart.IsMatch(Trim(corrected));

    /// <summary>The message says it is over for now: the person is safe (the whole message, or one sentence of a story
    /// with nothing in it still going on), or he is away. Only for a message triage already found no danger in.</summary>
    public static bool SaysItIsOver(string text)
    {
        var corrected = ChatSpelling.Correct(text);
        return IsSafeStatement(text) || SaysSafeSomewhereCorrected(corrected) && NothingOfHimBeside(corrected) || SaysAwayCorrected(corrected);
    }

    /// <summary>Every sentence that speaks of him, them or hiding says it is over by itself: "ik ben veilig. hij staat om
    /// de hoek" or "I'm safe. he knows where I am" is no end of the danger.</summary>
    public static bool NothingOfHimBeside(string corrected) => Clauses(corrected).All(c => !OfHim.IsMatch(c) || SaysOverByItself(c));

    /// <summary>As <see cref="NothingOfHimBeside"/>, for the sentences after the first that says the person is safe: how a
    /// story ends is how things stand ("he followed me. I'm home now" is over; "I'm safe. he's around the corner" is not).</summary>
    public static bool NothingOfHimAfterSafe(string corrected)
    {
        var clauses = Clauses(corrected);
        var safe = clauses.FindIndex(SaysOverByItself);
        return safe < 0 || clauses.Skip(safe + 1).All(c => !OfHim.IsMatch(c) || SaysOverByItself(c));
    }

    private static List<string> Clauses(string corrected) =>
        ClauseBreak.Split(Trim(corrected)).Select(c => c.Trim()).Where(c => c.Length > 0).ToList();

    private static bool SaysOverByItself(string clause) =>
        !NotSafe.IsMatch(clause) && (SafeNow.IsMatch(clause) || Away.IsMatch(clause) || AllPartsSafe(clause, placeIsEnough: false)
                                     || NoLonger.IsMatch(clause) && !AboutOneself.IsMatch(clause));

    /// <summary>A short message that says that he or they no longer do something ("hij volgt me niet meer").</summary>
    public static bool HasStoppedCorrected(string corrected)
    {
        var normalized = Trim(corrected);
        return NoLonger.IsMatch(normalized) && !NotSafe.IsMatch(normalized) && !AboutOneself.IsMatch(normalized);
    }

    /// <summary>A short message that says he is away now ("hij is nu niet thuis", "he left for work"): that takes away
    /// an unsure 112 from the model, as <see cref="HasStoppedCorrected"/> does.</summary>
    public static bool SaysAwayCorrected(string corrected)
    {
        var normalized = Trim(corrected);
        return Away.IsMatch(normalized) && !NotSafe.IsMatch(normalized);
    }

    /// <summary>One sentence of a longer story says the person is safe now (by itself, or in parts of which one says he
    /// has gone), and nothing in it is still going on. At home alone does not count here: danger can be at home too.</summary>
    public static bool SaysSafeSomewhereCorrected(string corrected)
    {
        if (StillGoingOn.IsMatch(corrected)) return false;
        var clauses = Clauses(corrected);
        return clauses.Count > 1 && clauses.Any(c => !NotSafe.IsMatch(c) && (SafeNow.IsMatch(c) || AllPartsSafe(c, placeIsEnough: false)))
               || EndsSafe(Parts(Trim(corrected)));
    }

    /// <summary>A story whose last parts, after a comma or "and", say where the person is now and that it is safe ("he
    /// followed me from the metro, I'm home now and the door is locked"): how the story ends is how things stand.</summary>
    private static bool EndsSafe(IReadOnlyList<string> parts)
    {
        for (var from = parts.Count - 1; from >= 1; from--)
        {
            var tail = parts.Skip(from).ToList();
            if (!SafePart(tail[0]) || NotSafe.IsMatch(tail[0])) return false;
            if (tail.Count == 1 ? SafeNow.IsMatch(tail[0]) || Away.IsMatch(tail[0]) : AllSafe(tail, placeIsEnough: false)) return true;
        }
        return false;
    }

    private static string Trim(string corrected) => corrected.Trim('.', '!', '?', ' ');

    /// <summary>Between the sentences of a story: a full stop, or "but" / "and now" with or without a comma before it
    /// (the word itself stays out of both sentences).</summary>
    private static readonly Regex ClauseBreak = Compile($@"[.;!?]+|,?\s+\b{Either(l => l.SafeStatements?.ClauseBreakWords)}\b\s*");

    /// <summary>Between the parts of a message that may each say the person is safe: every comma counts.</summary>
    private static readonly Regex PartBreak = Compile($@"[.;!?,]+|\s{Either(l => l.SafeStatements?.And)}\s");

    private static readonly Regex StillGoingOn = Compile($@"\b{Either(l => l.SafeStatements?.StillGoingOn)}\b");

    /// <summary>Him, them, or hiding from them, anywhere in a sentence.</summary>
    private static readonly Regex OfHim = Compile($@"\b{Either(l => l.SafeStatements?.OfHim)}\b");

    /// <summary>The whole message: perhaps "no" first, then safe or not in danger, perhaps "now" and thanks after; the
    /// leads and tails join across languages ("nee, I'm fine thanks").</summary>
    private static readonly Regex SafeNow = Compile(
        $@"^({Either(l => l.SafeStatements?.No)}{Either(l => l.SafeStatements?.PoliteAfterNo)}?[, ]*)?{Either(l => l.SafeStatements?.SafeNow)}"
        + $@"{Either(l => l.SafeStatements?.NowAfter)}?{Either(l => l.SafeStatements?.ThanksAfter)}?$");

    /// <summary>At home, or with people one trusts ("ik ben nu thuis", "I'm with my roommates"): safe only when nothing else in the
    /// message says otherwise — danger can be at home too — so it counts for a whole message, never for one sentence of a story.</summary>
    private static readonly Regex SafePlace = Compile($@"^{Either(l => l.SafeStatements?.PlaceLead)}?{Either(l => l.SafeStatements?.SafePlace)}$");

    /// <summary>The one who threatened has gone away: "hij is nu weg naar zn werk", "he's not home", "they left".</summary>
    private static readonly Regex Away = Compile($@"^{Either(l => l.SafeStatements?.AwayLead)}?{Either(l => l.SafeStatements?.Away)}$");

    /// <summary>Alone now, after saying he has gone: only a part of a safe message, never one on its own.</summary>
    private static readonly Regex AloneNow = Compile($@"^{Either(l => l.SafeStatements?.AloneNow)}$");

    /// <summary>Behind a locked door, indoors ("deur op slot", "I'm inside now"): only a part of a safe message, never one on
    /// its own ("I locked myself in the bathroom" is someone hiding).</summary>
    private static readonly Regex SecuredNow = Compile($@"^{Either(l => l.SafeStatements?.SecuredNow)}$");

    /// <summary>Thanks for the help as a part of its own ("dank voor het meedenken"): neither safe nor unsafe.</summary>
    private static readonly Regex ThanksPart = Compile($@"^{Either(l => l.SafeStatements?.ThanksPart)}$");

    /// <summary>Asking to go on with what was being done ("kunnen we verder met de melding?"): neither safe nor unsafe.</summary>
    private static readonly Regex GoOnPart = Compile($@"^{Either(l => l.SafeStatements?.GoOnPart)}$");

    /// <summary>He, she, they or that guy — then at most a few words — then "niet meer" / "not anymore".</summary>
    private static readonly Regex NoLonger = Compile(
        $@"^{Either(l => l.SafeStatements?.NoLongerLead)}?{Either(l => l.SafeStatements?.NoLongerWho)}\b[^,.;!?]{{0,40}}\b{Either(l => l.SafeStatements?.NoLongerEnd)}$");

    /// <summary>What the person feels or wants ("I don't feel safe anymore", "ze laten me niet meer met rust").</summary>
    private static readonly Regex AboutOneself = Compile($@"\b{Either(l => l.SafeStatements?.AboutOneself)}\b");

    private static readonly Regex NotSafe = Compile(Either(l => l.SafeStatements?.NotSafe));

    private static Regex Compile(string pattern) => new(pattern, RegexOptions.Compiled);
}
