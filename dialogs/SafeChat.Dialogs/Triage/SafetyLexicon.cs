using System.Text.RegularExpressions;
using SafeChat.Dialogs.Engine;

namespace SafeChat.Dialogs.Triage;

/// <summary>
/// The safety-critical part of triage: danger now (112) and thoughts of suicide (113), in Dutch and
/// English. Each rule is a readable pattern; a negation just before it ("niet in gevaar") cancels it.
/// The broader recogniser for the other signals builds on this.
/// </summary>
public sealed class SafetyLexicon : ITriage
{
    private static readonly Regex[] DangerNow = Patterns(
        // being in danger, asking for help urgently
        @"\b(ik ben|ben) (nu )?in gevaar\b", @"\bi'?m in danger\b", @"\bi am in danger\b", @"\bin danger (right )?now\b",
        // being followed now (present tense only; "volgde" is past)
        @"\b(volgt|achtervolgt) me\b", @"\bword(t)? (nu )?(gevolgd|achtervolgd)\b", @"\bloopt .{0,40}achter me aan\b",
        @"\bis following me\b", @"\bare following me\b", @"\bbeing followed\b",
        // threats, weapons, violence happening now
        @"\bbedreig(t|en) me\b", @"\bmet een (mes|pistool|wapen)\b", @"\bwith a (knife|gun|weapon)\b", @"\bthreatening me\b",
        @"\b(slaat|schopt|wurgt) me\b.{0,20}\b(nu|net)\b", @"\bis (hitting|beating|choking) me\b",
        @"\bik (ben gewond|bloed)\b", @"\bi'?m (hurt|bleeding|injured)\b",
        @"\bopgesloten\b", @"\blaat me er niet uit\b", @"\blocked (me )?in\b",
        @"\bbreak into\b", @"\binbreken\b",
        @"\b(staat|wacht) (hier|voor mijn deur|me op)\b", @"\b(net|zojuist) vastgepakt\b.{0,40}\bnog\b",
        @"\bdurf niet naar huis\b");

    private static readonly Regex[] SelfHarm = Patterns(
        @"\bzelfmoord\b", @"\bzelfdoding\b", @"\bniet meer (leven|verder)\b", @"\bwil dood\b", @"\bdood willen\b",
        @"\bmezelf (iets )?(aan ?doen|aan te doen|pijn doen)\b", @"\bmijn leven beeindigen\b",
        @"\bsuicid", @"\bkill myself\b", @"\bend(ing)? (it all|my life)\b", @"\bwant to die\b", @"\bhurt myself\b", @"\bself[- ]harm\b");

    private static readonly Regex Negation = new(
        @"\b(niet|geen|not|no longer|nooit|never|isn't|am not|i'm not)\b[^.,!?]{0,12}$", RegexOptions.Compiled);

    public TriageResult Recognize(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        var signals = new HashSet<string>();
        if (Matches(DangerNow, normalized)) signals.Add(Signal.Emergency);
        if (Matches(SelfHarm, normalized)) signals.Add(Signal.SelfHarm);
        return new TriageResult(signals);
    }

    private static bool Matches(Regex[] rules, string text) =>
        rules.Any(rule => rule.Matches(text).Any(m => !Negation.IsMatch(text[..m.Index])));

    private static Regex[] Patterns(params string[] patterns) =>
        patterns.Select(p => new Regex(p, RegexOptions.Compiled | RegexOptions.CultureInvariant)).ToArray();
}
