using static SafeChat.Dialogs.Triage.Signal;
using R = SafeChat.Dialogs.Triage.Rules.TriageRule;

namespace SafeChat.Dialogs.Triage.Rules;

/// <summary>
/// Every triage rule, Dutch and English side by side. Read a signal's block to know exactly when it fires.
/// Patterns run on lower-case text without accents, after <see cref="ChatSpelling"/>.
/// </summary>
public static class TriageRules
{
    private const string Me = "(me|mij|us|ons)";
    private const string Stranger = "(hij|ze|zij|iemand|een (man|jongen|gast|vent|groep)|die (man|jongen|gast|vent|groep)|he|she|they|someone|somebody|a (man|guy|boy|group)|this (man|guy))";
    private const string Close = "(mijn|my|m'n) (vriend|man|ex|partner|vriendin|vrouw|echtgenoot|echtgenote|verloofde|vader|pa|moeder|ma|broer|zus|oom|tante|schoonfamilie|schoonvader|schoonmoeder|schoonzus|schoonbroer|familie|ouders|huisgenoot|huisgenote|stiefvader|stiefmoeder|zoon|boyfriend|husband|girlfriend|wife|fiance|father|dad|mother|mum|mom|brother|sister|uncle|in-laws|family|parents|housemate|roommate|flatmate|stepfather|stepdad|son)";

    public static readonly IReadOnlyList<TriageRule> All =
    [
        // ── emergency: danger now ─────────────────────────────────────────────────────────────
        R.Of(Emergency, @"\b(ik ben|ben ik|zit|i'm|i am|we are|we're) (nu |right now |now )?(echt )?in (groot )?(gevaar|danger)\b"),
        R.Of(Emergency, @"\bin (gevaar|danger) (right )?now\b"),
        R.Of(Emergency, $@"\b(volgt|achtervolgt|volgen|achtervolgen) {Me}\b", presentOnly: true),
        R.Of(Emergency, @"\b(word|wordt|worden) (nu |al |steeds |net )*(gevolgd|achtervolgd|aangevallen|belaagd|bedreigd)\b", presentOnly: true),
        R.Of(Emergency, $@"\b(loopt|lopen|zit|zitten|komt|komen|rent|fietst|rijdt) .{{0,40}}achter {Me} aan\b", presentOnly: true),
        R.Of(Emergency, $@"\b(is|are|keeps|keep|still) (still )?(following|chasing|stalking) {Me}\b", presentOnly: true),
        R.Of(Emergency, @"\b(being|getting) (followed|chased|attacked|assaulted|threatened|hit|beaten|grabbed)\b", presentOnly: true),
        R.Of(Emergency, $@"\bfollowing {Me} (right )?now\b"),
        R.Of(Emergency, $@"(?<!\b(was|were|kept) )\bfollowing {Me}\b", presentOnly: true),
        R.Of(Emergency, $@"\b(die|de|een|twee|drie|wat) (man|mannen|jongen|jongens|gast|gasten|vent|kerels|auto|groep) {Me} (volgen|volgt|achtervolgen|achtervolgt)\b|\bdat (hij|ze|zij|iemand) {Me} (volgt|volgen|achtervolgt)\b", presentOnly: true),
        R.Of(Emergency, $@"\b(bedreigt|bedreigen|threatens|threatening) {Me}\b", presentOnly: true),
        R.Of(Emergency, @"\b(met|heeft|hebben|has|have|with|got) (een|a) (mes|pistool|wapen|knife|gun|weapon)\b", presentOnly: true),
        R.Of(Emergency, $@"\b(slaat|schopt|wurgt|duwt|bijt|steekt) {Me}\b.{{0,30}}\b(nu|op dit moment)\b"),
        R.Of(Emergency, $@"\b(is|are|he's|she's|they're) (hitting|beating|choking|hurting|kicking|strangling|attacking) {Me}\b"),
        // Someone else hurt right now, seen or heard ("mijn vader slaat mijn moeder nu", "he is beating my sister").
        R.Of(Emergency, @"\b(slaat|schopt|wurgt|stompt|steekt) (mijn|m'n|mn|een|die|de|haar|hem|zijn|onze) \w+\b.{0,30}\b(nu|op dit moment|right now)\b|\b(is|are|he's|she's|they're) (hitting|beating|choking|kicking|strangling|attacking|stabbing) (my|a|the|her|him|his|our|that) \w+", presentOnly: true),
        R.Of(Emergency, @"\b(wil|gaat|will|going to|gonna) me (slaan|vermoorden|doodmaken|pakken|hurt|kill)\b"),
        // A threat told as what someone says or writes, for later today or once something happens ("hij zegt dat hij me
        // vanavond afmaakt", "said he'll do worse when I come downstairs"): danger now, whatever the tense or the condition.
        R.Of(Emergency, @"^(?!.*\b(vorig jaar|vorige (maand|week)|jaren geleden|maanden geleden|weken geleden|toen ik|last (year|month|week)|years ago|months ago|weeks ago|when i was)\b).*(\b(zegt|zei|zeggen|dreigt|dreigde|schreeuwt|schreeuwde|roept|appt|appte|stuurt|stuurde)( me| mij| tegen (me|mij))?( dat)? (hij|ze|zij) (me|mij) .{0,25}\b(afmaakt|afmaken|vermoordt|vermoorden|doodmaakt|doodmaken|iets aandoet|iets aan doet|in elkaar slaat|kapot ?maakt)\b|\b(zegt|zei|roept|riep|schreeuwt|dreigt)( me| mij)? dat ik dood ben\b|\bdreigt (me|mij) (te )?(vermoorden|af te maken|dood te maken|iets aan te doen)\b|\b(says|said|told me|texted|yells|yelled|screams|screamed|threatens|threatened)( me)?( that)? (he'll|he will|he's going to|he is going to|he's gonna|she'll|she will|they'll|they will|they're going to) .{0,20}\b(kill|hurt|beat|strangle|stab|get) (me|us)\b|\b(says|said|told me|texted|threatened)( that)? (he'll|hell|he will|he's going to|he's gonna|she'll|she will|they'll|they will) do (worse|it again)\b|\b(says|said|told me|texted)( that)? i'm (dead|a dead (woman|girl))\b)"),
        R.Of(Emergency, @"\b(ik ben gewond|ik bloed|ik ben verwond|i'm (hurt|bleeding|injured)|i am (hurt|bleeding|injured))\b", presentOnly: true),
        // Just hurt: stabbed, shot, beaten right now.
        R.Of(Emergency, @"\b(ik ben|ben|hij heeft me|ze hebben me) (net )?(gestoken|neergestoken|neergeschoten|beschoten)\b|\b(i've been|i have been|i was just|i got) (stabbed|shot)\b|\bik krijg (nu )?klappen\b|\b(ik word|word) (nu )?(geslagen|geschopt|in elkaar geslagen)\b", presentOnly: true),
        // Harm to oneself done minutes ago is still now ("20 min ago"), so this is not for the present tense only; what was
        // long ago (last year, years ago, when I was 15) is not.
        R.Of(Emergency, @"^(?!.*\b(vorig jaar|vorige (maand|week)|jaren geleden|maanden geleden|toen ik|last (year|month|week)|years ago|months ago|when i was)\b).*(\b(took|taken|swallowed|slikte|geslikt|genomen|ingenomen|nam)\b.{0,15}\b(a whole|the whole|all (of )?(my|the)|too many|loads of|een hele|de hele|al (mijn|m'n|mn|de)|alle|te veel|heel veel|\d+)\b.{0,20}\b(pills|tablets|meds|paracetamol|ibuprofen|oxazepam|pillen|tabletten|medicijnen|slaappillen)\b|\b(took|taken|swallowed|slikte|geslikt|genomen|ingenomen|nam)\b.{0,25}\b(pack|strip|bottle|doosje|potje|doos|flesje)\b|\b(cut|sneed|gesneden|snij) (deep|diep)\b|\b(a lot of|so much|lots of|heel veel|zoveel|veel) (blood|bloed)\b|\b(afscheidsbrief|afscheidsbericht|goodbye letter|goodbye note|suicide note)\b.{0,40}\b(vanavond|vannacht|vandaag|nu|tonight|today|now)\b)", negatable: false),
        // Harm to oneself that has already begun: pills taken, blood, "ik doe het vanavond" — 112 as well as 113.
        R.Of(Emergency, @"\b(pillen|tabletten|medicijnen|medicijnen|slaappillen|pills|tablets|meds)\b.{0,30}\b(genomen|ingenomen|geslikt|in (mijn|m'n) mond|taken|took|swallowed)\b|\b(net|zojuist|just) .{0,20}(alles|all|everything|de hele|a whole|the whole) .{0,20}(genomen|ingenomen|geslikt|taken|took)\b|\b(ik doe het|ga het doen|i'm doing it|im doing it|doing it) (vanavond|vannacht|nu|tonight|now)\b|\b(so much|zoveel|heel veel) (blood|bloed)\b", presentOnly: true),
        // Locked in without a key, even when those who did it have gone ("de deur is op slot, ik heb geen sleutel").
        R.Of(Emergency, @"\b(deur|voordeur|kamer) (is |zit )?(op slot|dicht ?gedaan|afgesloten)\b.{0,40}\b(geen sleutel|kan (er )?niet (uit|weg|naar buiten))\b|\b(door is locked|locked the door)\b.{0,40}\b(no key|can't get out|cannot get out)\b", presentOnly: true, negatable: false),
        R.Of(Emergency, @"\bopgesloten\b|\blaat (me|mij) (er )?niet (uit|weg|gaan)\b|\blocked (me )?in\b|\bwon't let me (out|leave|go)\b(?! to)", presentOnly: true, negatable: false),
        R.Of(Emergency, @"\b(breekt|breken|inbreken|inbreker|breaking|break) (in|into|binnen)\b|\btrying to (get|break) in\b|\bprobeert binnen te komen\b", presentOnly: true),
        R.Of(Emergency, $@"\b{Stranger} (staat|is|wacht|zit|stands|is standing|is waiting) (hier |nu )?(voor|bij|at|outside) (mijn|de|my|the) (deur|voordeur|door|huis|house)\b", presentOnly: true),
        R.Of(Emergency, $@"\b(wacht|wachten) {Me} op\b|\b(staat|staan) {Me} op te wachten\b|\b(waiting|wait) for me (outside|at|by)\b", presentOnly: true),
        R.Of(Emergency, @"\b(durf|durven) niet (meer )?(naar huis|naar buiten|weg)\b|\b(scared|afraid) to (go|walk) home\b", negatable: false),
        R.Of(Emergency, @"\b(staat|is|zijn|staan|zit) (hier|daar) nog( steeds)?\b|\b(staat|is|zijn|staan|zit) nog( steeds)? (hier|daar|bij me)\b|\b(is|are) still (here|there|around)\b", presentOnly: true),
        R.Of(Emergency, @"\b(kan|kom) (hier )?niet weg\b|\bcan't (get away|escape|get out)\b", negatable: false),
        R.Of(Emergency, @"\b(word|wordt) (nu|net|op dit moment) (lastig ?gevallen|betast|aangerand|vastgepakt)\b|\b(harassing|groping|touching) me (right )?now\b"),
        R.Of(Emergency, @"\b(voel me|i feel) (nu |right now |so )?(onveilig|unsafe)\b.{0,20}\b(nu|now)\b|\b(nu|right now) .{0,20}(onveilig|unsafe)\b"),
        // "niet nodig om 112 te bellen", "no need to call 112": the number turned down is no cry for it.
        R.Of(Emergency, @"(?<!\b(niet nodig om|geen reden om|hoef (ik )?(geen|niet)|hoeft (geen|niet)|no need to|don't need to|dont need to|no reason to) (te )?(call |bel(len)? )?)\b112\b"),
        // Someone at or near me or my home, or holding on to me: general cues, not set phrases.
        R.Of(Emergency, @"\b(rijdt|loopt|fietst|zit|staat|lopen|rijden|staan) .{0,40}(naast|achter|vlak bij|bij) (me|mij)\b", presentOnly: true),
        R.Of(Emergency, @"\b(loopt|lopen|fietst|fietsen|rijdt|rijden) .{0,25}\bmet (me|mij) mee\b|\b(walking|following|riding|cycling|driving) (right )?(next to|behind|beside|alongside) me\b", presentOnly: true),
        R.Of(Emergency, @"\b(er staat|staat er|er zit|er is) (iemand|een (man|vreemde|jongen))\b.{0,30}\b(raam|deur|huis|kamer|slaapkamer)\b", presentOnly: true),
        R.Of(Emergency, @"\b(iemand|someone|somebody|een man|a man|a stranger|een vreemde|an intruder|een inbreker) (is |staat |zit )?(in|bij|voor|outside|at) (mijn|my|m'n|het|the|our|ons) (huis|house|home|kamer|room|raam|window|deur|door|flat|apartment)\b", presentOnly: true),
        R.Of(Emergency, @"\b(he's|she's|they're|someone's|somebody's|hij is|ze zijn|iemand is) (nu |now )?(outside|at|buiten|voor|bij) (my|mijn|our|ons)\b", presentOnly: true),
        R.Of(Emergency, @"\b(banging|knocking|bonkt|bonst|bonken|beukt|beuken) (on|op|aan)\b", presentOnly: true),
        R.Of(Emergency, @"\b(trekt|trekken|rukt) aan (mijn|m'n)\b|\blaat (me|mij) niet los\b|\b(houdt|pakt|grijpt) (me|mij) vast\b|\b(grabbing|pulling|holding) (me|my|onto me)\b|\bwon't let (me )?go\b(?! to)", presentOnly: true, negatable: false),

        // ── self_harm: thoughts of suicide or self-harm ──────────────────────────────────────
        R.Of(SelfHarm, @"\bzelfmoord|\bzelfdoding|\bsuicid|\b(het leven zat|levensmoe)\b"),
        R.Of(SelfHarm, @"\b(niet meer (willen )?leven|wil niet meer leven|wil dood|dood willen|wil er niet meer zijn|er een eind aan maken|geen zin meer (in het leven|om te leven))\b"),
        R.Of(SelfHarm, @"\bmezelf (iets )?(aan ?doen|aan te doen|pijn doen|snijden|iets aandoen)\b"),
        R.Of(SelfHarm, @"\b(zie het niet meer zitten|beter af (zonder mij|als ik dood)|ik wou dat ik dood was)\b|\bbetter off\b.{0,30}\b(dead|without me)\b|\bi wish i (was|were) dead\b|\b(eind|einde) aan (te )?maken\b|\bniet meer wakker (te )?worden\b|\bwil (voor altijd )?verdwijnen\b|\bdon't want to (be here|live|exist|wake up)\b|\bdisappear(ing)? forever\b|\bnot (want|wanting) to (live|exist|wake up)\b|\b(snij|kras) mezelf\b|\bmezelf (snijden|krassen)\b|\b(kill(ing)? myself|end (it all|my life)|ending (it all|my life)|want to die|wanna die|hurt(ing)? myself|cut(ting)? myself|self[- ]?harm|no reason to live|better off dead)\b"),

        // ── sexual_violence: assault, rape, groping, drugging, recent or long ago ───────────────
        R.Of(SexualViolence, @"\b(verkracht|verkrachting|verkrachten|aangerand|aanranding|aanranden|betast|betasten|bepoteld|misbruikt|seksueel (misbruik|geweld)|gedrogeerd)\b"),
        R.Of(SexualViolence, @"\b(vastgepakt|vastgegrepen|begrepen)\b"),
        R.Of(SexualViolence, @"\btegen (mijn|m'n) (zin|wil)\b.{0,30}\b(gezoend|aangeraakt|betast|gezeten|seks)\b|\baan (me|mij) (gezeten|zitten|zat)\b"),
        R.Of(SexualViolence, @"\b(blijft|blijven|bleef) (me|mij) (aanraken|betasten|vastpakken|zoenen)\b|\bkeeps? (touching|grabbing|groping|kissing) me\b"),
        R.Of(SexualViolence, @"\b(greep|grijpt|grepen|pakte|kneep|knijpt|knepen) (me|mij) (in|aan|bij) (mijn|m'n) (kruis|billen|kont|borst|borsten|lichaam)\b"),
        R.Of(SexualViolence, @"\baan (mijn|m'n) (borst|borsten|billen|kont|kruis|lichaam) (gezeten|gegrepen|gepakt|gevoeld|gezeten)\b|\bin (mijn|m'n) (kruis|billen|kont) (gegrepen|geknepen)\b"),
        R.Of(SexualViolence, @"\b(seks|sex) (tegen mijn wil|against my will)\b|\bgedwongen (tot|om) seks|\b(dwong|forced) (me|mij) (tot|to|into)\b"),
        R.Of(SexualViolence, @"\biets in (mijn|m'n) (drankje|drinken|glas)\b|\b(k\.?o\.?[- ]?druppels|ghb)\b|\b(spiked|drugged)\b|\bsomething in my drink\b"),
        R.Of(SexualViolence, @"\b(aangeraakt|aanraken|aanraakt|betast|gezoend|touched|kissed)\b.{0,30}\b(zonder (mijn )?toestemming|without (my )?(consent|permission))\b|\b(zonder (mijn )?toestemming|without (my )?consent)\b.{0,30}\b(aangeraakt|betast|gezoend|touched|kissed)\b"),
        R.Of(SexualViolence, @"\b(trekt|trok|trekken|rukt|rukte) aan (mijn|m'n) (kleren|broek|rok|shirt|bh|beha)\b|\bpull(ed|ing)? (at |on )?my (clothes|skirt|pants|shirt)\b"),
        R.Of(SexualViolence, @"\b(wakker (geworden|werd) naast|woke up next to)\b|\b(uitgaan|feest|drankje|club|party|drink|night out)\b.{0,80}\b(weet (niks|niets|niet) meer|can't remember|don't remember)\b|\b(weet (niks|niets|niet) meer|can't remember|don't remember)\b.{0,80}\b(uitgaan|feest|drankje|club|party|drink)\b"),
        R.Of(SexualViolence, @"\b(raped|rape|raping|sexually (assaulted|abused)|sexual (assault|abuse|violence)|groped|molested)\b"),
        R.Of(SexualViolence, @"\bgrabbed (me|my (ass|butt|breasts?|chest|crotch|bum))\b|\btouched (me|my) .{0,20}(without|against|inappropriately)\b|\btouched me\b"),

        // ── domestic_violence: partner, ex, family, housemate ──────────────────────────────────
        R.Of(DomesticViolence, $@"\b{Close}\b.{{0,50}}\b(sla(at|an)|sloeg\w*|schop\w*|leest|bekijkt|duw\w*|controle\w*|bedreig\w*|dreig\w*|stalk\w*|achtervolg\w*|volgt|laat (me|mij) (er )?niet|verbied\w*|pakt|neemt|schreeuw\w*|scheld\w*|mishandel\w*|blijft|staat|wacht|sluit|dwing\w*|kijkt|gluurt|loert|bespioneert|spies|watches|hit\w*|beat\w*|slap\w*|kick\w*|push\w*|control\w*|check\w*|threat\w*|follow\w*|won't let|doesn't let|tak\w*|mes|wapen|knife|gun|yell\w*|scream\w*|keeps|shows up|lock\w*|forc\w*|hurt\w*|chok\w*|strangl\w*)\b"),
        // "mag van mijn man niet werken": here the negation is the harm, so it cannot cancel the rule.
        R.Of(DomesticViolence, $@"\b(mag|moet) van {Close}\b|\b{Close} (wil|willen|bepaalt|bepalen) (niet )?dat ik\b|\b{Close} (bepaalt|bepalen|beslist|beslissen|controleert) (wat|wie|waar|wanneer|met wie|of) ik\b|\bgedwongen (te )?trouwen|\bforced (to )?marr|\buitgehuwelijkt\b", negatable: false),
        R.Of(DomesticViolence, @"\bik mag (niemand|nergens|niet (alleen|naar buiten|werken|studeren|uit|weg))\b|\bi'm not allowed to (see|go|leave|work|have)\b", negatable: false),
        R.Of(DomesticViolence, @"\bhuiselijk geweld\b|\bdomestic (violence|abuse)\b|\bthuis (word|wordt) (ik )?(geslagen|bedreigd|mishandeld)\b|\b(eergerelateerd|honou?r[- ]based)\b"),

        // ── street_harassment: remarks, sounds, gestures, following, exposure, photos ───────────
        R.Of(StreetHarassment, @"\bna(roep|fluit|sis)\w*\b|\b(roept|riep|fluit|sist) .{0,20}\bna\b|\bkissing (noises|sounds)\b|\b(liet|laat|toonde|showed) .{0,20}(geslachtsdeel|piemel|penis|lul)\b|\b(lekker ding|schatje|mooie meid|hey baby|sexy|hot stuff|nice (ass|tits))\b"),
        R.Of(StreetHarassment, @"\b(honk\w*|toeter\w*|(yell|shout|scream)\w* at me)\b"),
        R.Of(StreetHarassment, @"\b(zeiden|zei|zegt|zeggen|riep|riepen|roept|schreeuwde|schreeuwden) .{0,30}(tegen|naar) (me|mij)\b"),
        R.Of(StreetHarassment, @"\b(nageroepen|naroepen|riepen|roepen|roept|geroepen|nagefloten|nafluiten|floot|floten|fluiten|gefloten|siste|sisten|sissen|gesist|kusgeluiden|kissing noises|whistl\w*|hiss\w*|catcall\w*)\b"),
        R.Of(StreetHarassment, @"\bseksuele (opmerkingen|dingen|gebaren|grappen)\b|\b(liep|loopt|lopen|liepen) (me|mij) .{0,30}(achterna|na)\b|\bachterna\b"),
        R.Of(StreetHarassment, @"\b(straatintimidatie|seksuele intimidatie|intimidatie|lastig ?gevallen|lastig ?vallen|harass\w*|sexual(ly)? (comments?|remarks?)|opmerkingen over|comments about my)\b"),
        R.Of(StreetHarassment, @"\b(obscene |vieze )?gebaren\b|\b(obscene|rude|sexual) gestures?\b|\b(nagestaard|staren|staarde|stared|staring)\b"),
        R.Of(StreetHarassment, @"\b(potloodventer|exhibitionist|ontblootte?|zijn piemel|exposed himself|flashed me|flasher)\b"),
        R.Of(StreetHarassment, @"\bfoto'?s?( van mij| gemaakt)|\bfilmde (me|mij)\b|\b(took|taking) (a )?(photos?|pictures?|videos?) of me\b|\bupskirt\b"),
        R.Of(StreetHarassment, $@"\b(volgt|volgde|achtervolgt|achtervolgde) {Me}\b|\b(gevolgd|achtervolgd)\b|\bachter {Me} aan\b|\b(following|followed) {Me}\b|\b(being|getting|was|were|got) (followed|stalked)\b|\b(loopt|lopen|liep|liepen|fietst|rijdt|reed) .{{0,30}}achter (me|mij)\b|\b{Me} (volgen|volgt|achtervolgen|achtervolgt)\b"),
        R.Of(StreetHarassment, @"\b(betast|vastgepakt|aangeraakt|aanraken|begrepen|greep|grijpt|kneep|groped|grabbed|touched)\b.{0,40}\b(tram|metro|bus|trein|station|straat|halte|bushalte|perron|park|winkel|train|street|tram stop|bus stop|platform)\b"),
        R.Of(StreetHarassment, @"\b(in|op) de (tram|metro|bus|trein)\b.{0,40}\b(betast|vastgepakt|aangeraakt|aanraken|begrepen)\b"),

        // ── bystander: saw it happen, wants to help someone else ───────────────────────────────
        R.Of(Bystander, @"\bzag (dat|hoe) (een|iemand|ze|hij|die)\b|\bhow (can|do|could|should) i support\b|\b(support|steunen) (my|mijn|a|een|her|him|haar|hem)\b"),
        R.Of(Bystander, @"\b(ik zag|zag ik|ik heb gezien|i saw|i've seen|i have seen|i witnessed|getuige|witness|omstander|bystander)\b"),
        R.Of(Bystander, @"\b(hoe|wat) kan ik (haar|hem|hen|iemand|die persoon|mijn vriendin|mijn vriend)? ?(helpen|doen om te helpen)\b|\b(haar|hem|iemand|een vriendin|mijn vriendin) helpen\b"),
        R.Of(Bystander, @"\bhow (can|do|could|should) i help\b|\bhelp (her|him|them|someone|a friend|my friend)\b|\b(ingrijpen|intervene|intervening|step in)\b"),
        R.Of(Bystander, @"\b(mijn|een) (vriendin|vriend|zus|broer|collega|klasgenoot|dochter|zoon) (wordt|werd|is|was)\b|\b(my|a) (friend|sister|brother|colleague|classmate|daughter|son)( of mine)? (is|was|gets|got)\b"),
        R.Of(Bystander, @"\b(wat kan ik doen|what can i do) (als|wanneer|when|if) (een|mijn|iemand|someone|a|my)\b"),
        R.Of(Bystander, @"\b(een|mijn) (vriendin|vriend|zus|broer|collega|dochter|zoon|nicht) die (is|werd|wordt|was)\b|\b(a|my) (friend|sister|brother|colleague|daughter|son) who (is|was|got|gets)\b"),
        R.Of(Bystander, @"\b(a|my) friend (tells|told) (me|you)\b|\bwhen a friend\b|\b(mijn|een) (vriendin|vriend|zus|collega) (vertelt|vertelde)\b"),
        R.Of(Bystander, @"\b(wat had ik moeten doen|what should i (have )?do(ne)? next time)\b|\bals ik (zie|zag) dat\b|\bif i see (someone|a)\b"),

        // ── wants_report: a (municipal, anonymous) report ───────────────────────────────────────
        R.Of(WantsReport, @"\b(melding\w*|melden|meldpunt|anoniem melden)\b|\b(meld (ik|je)|ik meld|hoe meld)\b"),
        R.Of(WantsReport, @"\b(doorgeven|melden|laten weten|doorgegeven) (aan|bij) (de )?gemeente\b|\b(tell|report (it )?to) the (municipality|city|council)\b"),
        R.Of(WantsReport, @"\b(report (it|this|that|what happened|an incident|harassment|him)|make a report|anonymous(ly)? report)\b"),

        // ── wants_police: the police, an aangifte ──────────────────────────────────────────────
        R.Of(WantsPolice, @"\b(aangifte|politie\w*|agent|agenten|police|cops?|press charges|file (a )?(police )?(report|complaint))\b"),

        // ── wants_human: a person, not a bot ───────────────────────────────────────────────────
        R.Of(WantsHuman, @"\b(met )?(een )?(echt(e)? )?(mens|persoon|medewerker|hulpverlener) (praten|spreken|bellen)\b|\bmet een (echt(e)? )?(mens|persoon|medewerker)\b"),
        R.Of(WantsHuman, @"\b(human|person|mens|iemand) (i|ik) (can|could|kan) (talk|speak|praten|spreken)\b|\bniet met een (computer|bot|robot)\b"),
        R.Of(WantsHuman, @"\b(gesprek|praten|spreken) met (een )?(echte? )?(hulpverlener|mens|persoon|medewerker)\b|\bnot (a |with a |to a )?(chat)?bot\b"),
        R.Of(WantsHuman, @"\biemand (bellen|aan de lijn)\b|\bin plaats van (chatten|de chat|een bot)\b|\binstead of (chatting|the chat|a bot)\b|\bcall (someone|a person|a human)\b"),
        R.Of(WantsHuman, @"\becht(e)? (mens|persoon|medewerker|hulpverlener)\b|\bmag ik (een|iemand) (echte? )?(medewerker|mens|persoon)\b"),
        R.Of(WantsHuman, @"\bgeen (robot|bot|computer)\b|\biemand (die ik kan )?(spreken|praten)\b|\bkan ik iemand spreken\b"),
        R.Of(WantsHuman, @"\b(talk|speak|chat) (to|with) (a |an )?(real )?(person|human|someone|somebody|people|counsel+or|volunteer)\b|\breal person\b|\bnot a (bot|robot)\b|\blive (agent|person|chat)\b|\b(don't|dont|do not) want (a |to (talk|chat|speak) (to|with) a )?(chat)?(bot|robot|computer)\b", negatable: false),
    ];

    /// <summary>Words that put a clause in the past, so "he followed me yesterday" is not danger now.</summary>
    public static readonly System.Text.RegularExpressions.Regex PastMarker = new(
        @"\b(gisteren|gister|eergisteren|vorige (week|maand|keer|jaar)|vorig jaar|vannacht|toen|geleden|laatst|yesterday|last (night|week|month|year|time)|ago|earlier|once)\b",
        System.Text.RegularExpressions.RegexOptions.Compiled);

    /// <summary>Words that make a clause habitual or conditional ("als ik met jongens praat"): a threat, but not happening now.</summary>
    public static readonly System.Text.RegularExpressions.Regex HabitualMarker = new(
        @"\b(soms|vaak|altijd|elke (dag|keer|week|avond)|iedere (dag|keer)|(als|wanneer) (ik|hij|ze|zij|die)|sometimes|often|always|every (day|time|night)|whenever|(if|when) (i|he|she|they))\b",
        System.Text.RegularExpressions.RegexOptions.Compiled);

    /// <summary>A negation that cancels what directly follows (or, for the second, what directly precedes).</summary>
    public static readonly System.Text.RegularExpressions.Regex NegationBefore = new(
        @"\b(niet|geen|nooit|not|no|never|don't|isn't|aren't|am not|i'm not|niks|nothing|niemand|nobody|no one|nobody is|no one is|nobody's|no one's)\s*$", System.Text.RegularExpressions.RegexOptions.Compiled);

    /// <summary>A thought denied before what follows: "ik denk niet aan zelfmoord", "I'm not thinking of hurting myself",
    /// "no thoughts of suicide".</summary>
    public static readonly System.Text.RegularExpressions.Regex NegatedThought = new(
        @"\b((denk|dacht|denken) (echt |heus |helemaal )?(niet|nooit) (aan|over)|(geen|nooit) (gedachten|plannen) (aan|over|om)|(not|never|don't|dont|do not|am not|i'm not|im not|wasn't|won't) (thinking|think|thought|planning|going|want|wanna|wanting) (of|about|to)|no (thoughts|plans) (of|about|to))\s*$", System.Text.RegularExpressions.RegexOptions.Compiled);

    public static readonly System.Text.RegularExpressions.Regex NegationAfter = new(
        @"^\s*((me|mij|us|ons|him|her|hem|haar) )?(niet|not|no longer|nooit|never)\b", System.Text.RegularExpressions.RegexOptions.Compiled);

    /// <summary>Wanting turned down before a request word: "ik wil niet naar de politie", "I don't want to report",
    /// "liever geen aangifte", "no police".</summary>
    public static readonly System.Text.RegularExpressions.Regex DeclinedBefore = new(
        @"\b(wil|wilde|hoef|hoeft|ga|want|wanna|need|going)( ik| je)? (niet|geen|nog niet)\b|\b(don't|dont|do not|doesn't|won't|wont|didn't|never|nooit) (want|wanna|need|going)\b|\b(liever|rather) (niet|geen|not)\b|^\s*(no|geen)\s*$", System.Text.RegularExpressions.RegexOptions.Compiled);

    /// <summary>Doubt is not a refusal ("I'm not sure I want to go to the police").</summary>
    public static readonly System.Text.RegularExpressions.Regex Unsure = new(
        @"\b(not sure|weet (ik )?niet|don't know|dont know|idk|twijfel|doubt|of ik|whether|if i)\b", System.Text.RegularExpressions.RegexOptions.Compiled);

    /// <summary>Where one clause ends and the next begins.</summary>
    public static readonly System.Text.RegularExpressions.Regex ClauseBreak = new(
        @"[.,;!?]|\b(maar|but|en nu|and now|omdat|because)\b", System.Text.RegularExpressions.RegexOptions.Compiled);
}
