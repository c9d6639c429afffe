using System.Text.RegularExpressions;
using SafeChat.Dialogs.Engine;

namespace SafeChat.Dialogs.Triage.Rules;

/// <summary>
/// A cry for help of a word or three ("HULP", "snel!!", "pls help", "sos") is danger until the person says
/// otherwise. And a plain statement that one is safe now ("ik ben veilig", "no danger") takes a needless 112 away.
/// </summary>
public static partial class ShortCries
{
    public static bool IsCry(string text) => IsCryCorrected(ChatSpelling.Correct(text));

    public static bool IsCryCorrected(string corrected)
    {
        var normalized = corrected.Trim('.', '!', '?', ' ');
        if (normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 4) return false;
        return Cry().IsMatch(normalized);
    }

    /// <summary>The whole message says the person is safe or not in danger, and nothing else.</summary>
    public static bool IsSafeStatement(string text) => IsSafeStatementCorrected(ChatSpelling.Correct(text));

    public static bool IsSafeStatementCorrected(string corrected)
    {
        var normalized = corrected.Trim('.', '!', '?', ' ');
        return (SafeNow().IsMatch(normalized) || NoLonger().IsMatch(normalized)) && !NotSafe().IsMatch(normalized);
    }

    public static bool SaysSafeSomewhere(string text) => SaysSafeSomewhereCorrected(ChatSpelling.Correct(text));

    public static bool SaysSafeSomewhereCorrected(string corrected)
    {
        var normalized = corrected.Trim('.', '!', '?', ' ');
        // A story that says in one of its sentences that the person is safe now ("… Ik ben nu thuis en veilig. Ik wil
        // het melden.") — unless something in it is still going on.
        var clauses = ClauseBreak().Split(normalized).Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
        return clauses.Count > 1 && clauses.Any(c => SafeNow().IsMatch(c) && !NotSafe().IsMatch(c)) && !StillGoingOn().IsMatch(normalized);
    }

    [GeneratedRegex(@"[.;!?]+|,\s*(?=(maar|but|en nu|and now)\b)")]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"\b(nog steeds|nog altijd|still|nu weer|again now|staat (hier|buiten|voor)|is (here|outside))\b")]
    private static partial Regex StillGoingOn();

    [GeneratedRegex(@"^(please |pls |please please |hulp |help |oh |omg )*(help|hulp|help me|help mij|helpen|hulp nodig|hlep|hepl|hlp|halp|hel+p+|hul+p+|hulpp|ik heb hulp nodig|i need help|sos|112|snel|kom snel|kom alsjeblieft|nood|noodgeval|red me|save me|emergency|ik ben bang|i'm scared|im scared|i am scared|hij is hier|ze zijn hier|he's here|he is here|they're here|bel (de )?politie|politie bellen|call (the )?(police|cops)|politie|police|🆘|🚨|‼️|🆘🆘|🆘🆘🆘)( please| pls| nu| now| snel| alsjeblieft| help| hulp)*$")]
    private static partial Regex Cry();

    [GeneratedRegex(@"^((nee|no|nope)( hoor| thanks| dank je)?[, ]*)?((ik ben|i'm|im|i am|we zijn|we're|we are|ben)( nu| now| weer| inmiddels| al| alweer| gewoon| thuis en| home and| nu thuis en| thuis en| at home and| back home and)? (veilig|safe|oke|ok|okay|fine)( nu| now| thuis| at home)?|(ik ben |i'm |i am |ben )?(nu )?(niet|not) in (gevaar|danger)( nu| now| meer| anymore)?|(er is )?geen gevaar( hoor)?|no danger|niks aan de hand|nothing wrong|alles (is )?(goed|oke|ok)|all good|everything('s| is) (fine|ok|okay)|het is voorbij|it's over|hij is weg|he's gone|he is gone|ze zijn weg|they're gone)( hoor| thanks| dank je| dankjewel)?$")]
    private static partial Regex SafeNow();

    /// <summary>A short message that ends in "niet meer" / "not anymore": what it names has stopped.</summary>
    [GeneratedRegex(@"^[^,.;!?]{0,40}\b(niet meer|nu niet meer|not anymore|anymore|no longer)$")]
    private static partial Regex NoLonger();

    [GeneratedRegex(@"\b(niet|not|never|nooit) (veilig|safe|oke|ok|fine|goed)\b|\bnog (steeds )?niet\b|\b(durf|kan|can't|cannot|dare)\b")]
    private static partial Regex NotSafe();
}
