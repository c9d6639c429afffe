using System.Text.RegularExpressions;
using SafeChat.Dialogs.Engine;

namespace SafeChat.Dialogs.Triage.Rules;

/// <summary>
/// A cry for help of a word or three ("HULP", "snel!!", "pls help", "sos") is danger until the person says
/// otherwise, wherever the conversation is.
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

    [GeneratedRegex(@"^(please |pls |please please |hulp |help |oh |omg )*(help|hulp|help me|help mij|helpen|hulp nodig|hlep|hepl|hlp|halp|hel+p+|hul+p+|hulpp|ik heb hulp nodig|i need help|sos|112|snel|kom snel|kom alsjeblieft|nood|noodgeval|red me|save me|emergency|ik ben bang|i'm scared|im scared|i am scared|hij is hier|ze zijn hier|he's here|he is here|they're here|bel (de )?politie|politie bellen|call (the )?(police|cops)|politie|police|🆘|🚨|‼️|🆘🆘|🆘🆘🆘)( please| pls| nu| now| snel| alsjeblieft| help| hulp)*$")]
    private static partial Regex Cry();
}
