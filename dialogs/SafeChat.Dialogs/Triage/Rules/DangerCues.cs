using System.Text.RegularExpressions;

namespace SafeChat.Dialogs.Triage.Rules;

/// <summary>
/// The second, broader test for danger now. People describe danger in countless ways, so instead of
/// phrases this looks for cues: one strong cue (pursuit, intrusion, a weapon, force, someone lurking)
/// in a clause that is not about the past, not habitual and not negated; or fear together with "now".
/// Missing real danger costs far more than a needless 112 card, so this errs on the side of 112.
/// </summary>
public static class DangerCues
{
    public static readonly IReadOnlyList<Regex> Strong = Compile(
        // pursuit (present forms only: "volgde" and "followed" are the past)
        @"\b(volgt|volgen|achtervolgt|achtervolgen) (me|mij|ons)\b|\b(me|mij|ons) (volgt|volgen|achtervolgt|achtervolgen)\b",
        @"\b(loopt|lopen|rent|rennen|rijdt|rijden|fietst|fietsen) (me|mij)\b.{0,30}\bna\b",
        @"\b(follows|following|chasing|chases|stalking) (me|us)\b|\b(keeps|keep|is|are) (following|chasing|stalking)\b",
        // intrusion
        @"\b(inbreken|inbreker|breekt in|breken in|binnendringen|binnen te komen|binnenkomen)\b|\bbreak(ing)? in(to)?\b",
        @"\b(geklommen|klimt|klimmen|climbed|climbing)\b.{0,30}\b(tuin|huis|raam|balkon|garden|house|window|balcony)\b|\b(tuin|huis|raam|balkon) (in|binnen) (geklommen|gekomen)\b",
        @"\b(trying to|probeert|proberen) (to )?(open|get in|openen|binnen|de deur|my door|the door)",
        @"\b(schopt|schoppen|trapt|beukt|bonkt|bonst|slaat|rammelt)\b.{0,15}\b(op|tegen|aan|in) (de|mijn|m'n|onze) (deur|raam|voordeur)\b|\b(schopt|trapt|beukt|slaat) (de|mijn|m'n|onze) (deur|raam|voordeur) in\b|\b(kicking|banging on|knocking on) (the|my) (door|window)\b",
        // someone who mirrors every move: crosses when she crosses, speeds up when she does
        @"\b(every time|whenever|elke keer als|telkens als) i (cross|stop|turn|speed up)\b.{0,30}\b(he|they) (crosses|cross|stops|stop|turns|turn|speeds up|speed up)\b|\b(speeds up|slows down|versnelt|gaat sneller lopen|loopt ook sneller) (when|als) (i|ik)\b|\b(steekt|steken) (hij|ze)? ?ook over\b",
        // weapons and threats to life
        @"\b(mes|messen|pistool|wapen|vuurwapen|knife|gun|weapon|machete)\b",
        @"\b(vermoorden|doodmaken|dood maken|doodsteken|neersteken|neer te steken|dood te maken|murder|stab)\b|\bkill(ing)? (me|us|you|her|him)\b",
        @"\b(bedreigt|bedreigen) (me|mij|ons)\b|\bthreaten(s|ing)? (me|us)\b|\b(weet|weten) waar ik woon\b|\bknows? where i live\b",
        // blocked, cornered, someone on the way
        @"\b(houdt|houden) (me|mij) tegen\b|\bblock(ing|s)? (my|the) (way|path|door)\b|\b(kan|kom) (er )?niet (langs|weg|voorbij|uit)\b|\bcan't (get )?(past|away|out)\b|\bwon't (move|let me (pass|go|leave))\b(?! to)",
        @"\b(coming (over|here|for me|to my)|on (his|her|their) way (here|over|to me))\b|\bkomt (nu |eraan |zo )?(hierheen|naar mij|naar me|naar mijn huis|eraan)\b",
        @"\b(blijft|blijven) (me|mij) (aanraken|betasten|vastpakken|volgen|duwen|slaan|uitschelden|lastigvallen)\b|\bkeeps? (touching|grabbing|following|pushing|hitting) me\b",
        @"\b(staat|zit|loopt|lopen|staan) (nog |nu )?(naast|achter|vlak bij|tegen) (me|mij)\b|\b(net|zojuist|just)\b.{0,30}\b(klap|geslagen|sloeg|geduwd|hit me|punched|slapped|pushed)\b",
        // force now
        @"\b(slaat|schopt|wurgt|stikt|duwt|bijt) (me|mij)\b|\b(hitting|beating|choking|strangling|kicking|hurting) (me|us)\b",
        @"\b(trekt|rukt) aan (me|mij|mijn|m'n)\b|\blaat (me|mij) niet los\b|\b(houdt|pakt|grijpt) (me|mij) vast\b|\b(grabbing|pulling|holding) (me|onto me)\b|\bwon't let (me )?go\b(?! to)",
        @"\b(opgesloten|locked in|locked me in|trapped)\b",
        @"\b(ik bloed|bloed erg|i'm bleeding|i am bleeding|ben gewond|am injured|i'm hurt)\b",
        // someone lurking for me, or back again
        @"\b(hij|ze|zij|die (gast|man|vent|jongen|jongens|mannen)) (is|zijn|staat|staan|zit|zitten) (er |hier |daar |buiten )?(weer|alweer|terug)\b|\b(he|she|they|that guy)('s| is| are|'re) (back|here again|there again|outside again)\b",
        @"\b(wacht|wachten|staat|staan)\b.{0,25}\b(op (me|mij)|(me|mij) op|buiten|voor (mijn|de) deur)\b|\bwaiting\b.{0,25}\b(outside|for me|for us)\b",
        @"\b(er staat|staat er|er is|er zit) (iemand|een (man|vreemde|jongen))\b.{0,30}\b(raam|deur|huis|kamer|tuin)\b");

    public static readonly Regex Fear = new(@"\b(bang|angstig|doodsbang|paniek|scared|afraid|terrified|panicking|verstop|verstopt|hiding)\b", RegexOptions.Compiled);

    public static readonly Regex Now = new(@"\b(nu|net|op dit moment|nog steeds|al een tijdje|de hele weg|now|right now|still|at the moment)\b", RegexOptions.Compiled);

    /// <summary>Talk about hurting oneself belongs to 113, not to 112.</summary>
    private static readonly Regex AboutOneself = new(@"\b(myself|mezelf|mijzelf)\b", RegexOptions.Compiled);

    public static bool InClause(string clause, Func<Match, bool> negated)
    {
        if (AboutOneself.IsMatch(clause)) return false;
        if (Strong.Any(cue => cue.Matches(clause).Any(m => !negated(m)))) return true;
        return Fear.Matches(clause).Any(m => !negated(m)) && Now.IsMatch(clause);
    }

    private static Regex[] Compile(params string[] patterns) =>
        patterns.Select(p => new Regex(p, RegexOptions.Compiled | RegexOptions.CultureInvariant)).ToArray();
}
