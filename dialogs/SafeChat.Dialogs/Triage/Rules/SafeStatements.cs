using System.Text.RegularExpressions;

namespace SafeChat.Dialogs.Triage.Rules;

/// <summary>
/// The person says they are safe now ("ik ben veilig", "no danger", "hij is weg"), or that what someone did has stopped
/// ("hij volgt me niet meer"). The first takes a needless 112 away; the second only an unsure one, because
/// "I don't feel safe anymore" also ends in "anymore".
/// </summary>
public static partial class SafeStatements
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
        if (NotSafe().IsMatch(normalized)) return false;
        if (SafeNow().IsMatch(normalized) || SafePlace().IsMatch(normalized)) return true;
        var parts = PartBreak().Split(normalized).Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
        return parts.Count > 1 && parts.Any(c => SafeNow().IsMatch(c) || SafePlace().IsMatch(c) || Away().IsMatch(c))
               && parts.All(c => SafeNow().IsMatch(c) || SafePlace().IsMatch(c) || Away().IsMatch(c) || AloneNow().IsMatch(c) || NoLonger().IsMatch(c) && !AboutOneself().IsMatch(c));
    }

    /// <summary>A short message that says that he or they no longer do something ("hij volgt me niet meer").</summary>
    public static bool HasStoppedCorrected(string corrected)
    {
        var normalized = Trim(corrected);
        return NoLonger().IsMatch(normalized) && !NotSafe().IsMatch(normalized) && !AboutOneself().IsMatch(normalized);
    }

    /// <summary>A short message that says he is away now ("hij is nu niet thuis", "he left for work"): that takes away
    /// an unsure 112 from the model, as <see cref="HasStoppedCorrected"/> does.</summary>
    public static bool SaysAwayCorrected(string corrected)
    {
        var normalized = Trim(corrected);
        return Away().IsMatch(normalized) && !NotSafe().IsMatch(normalized);
    }

    /// <summary>One sentence of a longer story says the person is safe now, and nothing in it is still going on.</summary>
    public static bool SaysSafeSomewhereCorrected(string corrected)
    {
        var clauses = ClauseBreak().Split(Trim(corrected)).Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
        return clauses.Count > 1 && clauses.Any(c => SafeNow().IsMatch(c) && !NotSafe().IsMatch(c)) && !StillGoingOn().IsMatch(corrected);
    }

    private static string Trim(string corrected) => corrected.Trim('.', '!', '?', ' ');

    [GeneratedRegex(@"[.;!?]+|,\s*(?=(?:maar|but|en nu|and now)\b)")]
    private static partial Regex ClauseBreak();

    /// <summary>Between the parts of a message that may each say the person is safe: every comma counts.</summary>
    [GeneratedRegex(@"[.;!?,]+|\s(?:en|and)\s")]
    private static partial Regex PartBreak();

    [GeneratedRegex(@"\b(nog steeds|nog altijd|still|nu weer|again now|staat (hier|buiten|voor)|is (here|outside))\b")]
    private static partial Regex StillGoingOn();

    [GeneratedRegex(@"^((nee|no|nope)( hoor| thanks| dank je)?[, ]*)?((ik ben|i'm|im|i am|we zijn|we're|we are|ben)( nu| now| weer| inmiddels| al| alweer| gewoon| thuis en| home and| nu thuis en| thuis en| at home and| back home and)? (veilig|safe|oke|ok|okay|fine)( nu| now| thuis| at home)?|(ik ben |i'm |i am |ben )?(nu )?(niet|not) in (gevaar|danger)( nu| now| meer| anymore)?|(er is )?geen gevaar( hoor)?|no danger|niks aan de hand|nothing wrong|alles (is )?(goed|oke|ok)|all good|everything('s| is) (fine|ok|okay)|het is voorbij|it's over|hij is weg|he's gone|he is gone|ze zijn weg|they're gone|niemand volgt me|nobody(?:'s| is) following me|no one(?:'s| is) following me)( nu| now| meer| anymore)?( hoor| thanks| dank je| dankjewel)?$")]
    private static partial Regex SafeNow();

    /// <summary>At home, or with people one trusts ("ik ben nu thuis", "I'm with my roommates"): safe only when nothing else in the
    /// message says otherwise — danger can be at home too — so it counts for a whole message, never for one sentence of a story.</summary>
    [GeneratedRegex(@"^(nee,? |no,? |ok,? )?(ik ben|ben|i'm|im|i am|we zijn|we're|we are)( nu| now| weer| inmiddels| al| veilig| safe)? (thuis|home|at home|back home|bij (mijn|m'n|mn) (vriendin|vriend|ouders|moeder|zus|huisgenoten)|with (my )?(friends?|roommates?|family|parents|mom|mum|sister))( nu| now)?( with (my )?\w+)?$")]
    private static partial Regex SafePlace();

    /// <summary>The one who threatened has gone away: "hij is nu weg naar zn werk", "he's not home", "they left".</summary>
    [GeneratedRegex(@"^(nee,? |no,? |ok,? |oke,? )?((hij|die (gast|man|vent)|he|that guy)( is|'s)( nu| now| net| just| al| already)? (weg|vertrokken|de deur uit|niet (meer )?(thuis|hier)|(thuis|hier) niet( meer)?|naar (zijn|zn|z'n) (werk|moeder|ouders|vrienden)|gone|away|out|not (home|here)|at work|left)|(hij|ze|zij|he|they|she) (is |zijn )?(weggegaan|weggelopen|weggereden|vertrokken|left|drove off|walked off|went (away|to work|out)))((?: naar| to| voor| for)(?: \w+){1,2})?( nu| now| hoor)?$")]
    private static partial Regex Away();

    /// <summary>Alone now, after saying he has gone: only a part of a safe message, never one on its own.</summary>
    [GeneratedRegex(@"^(en )?(ik ben|ben|i'm|im|i am)( nu| now)? (alleen|alone)( thuis| at home| in huis)?( nu| now)?$")]
    private static partial Regex AloneNow();

    /// <summary>He, she, they or that guy — then at most a few words — then "niet meer" / "not anymore".</summary>
    [GeneratedRegex(@"^(nee,? |no,? )?(hij|ze|zij|die (gast|man|jongen|vent|jongens|mannen)|de (man|jongen|jongens|mannen)|he|she|they|that (guy|man)|the (guy|man|men|guys))\b[^,.;!?]{0,40}\b(niet meer|not anymore|anymore|no longer)$")]
    private static partial Regex NoLonger();

    /// <summary>What the person feels or wants ("I don't feel safe anymore", "ze laten me niet meer met rust").</summary>
    [GeneratedRegex(@"\b(voel|feel|rust|alone|laat|laten|let|lets)\b")]
    private static partial Regex AboutOneself();

    [GeneratedRegex(@"\b(niet|not|never|nooit) (veilig|safe|oke|ok|fine|goed)\b|\bnog (steeds )?niet\b|\b(durf|kan|can't|cannot|dare)\b")]
    private static partial Regex NotSafe();
}
