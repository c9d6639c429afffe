namespace SafeChat.Dialogs.Flows.Routing;

/// <summary>A named referral: the text that explains it and the directory entries it hands out.</summary>
public sealed record HelpRoute(string Name, string TextKey, params string[] Services);

/// <summary>
/// Where SafeChat sends people, one rule each. When a rule fires its name is logged (never the person's
/// words), so anyone can see which referrals are made and check them against this page.
/// </summary>
public static class HelpRoutes
{
    /// <summary>Sexual violence in the last 7 days (or unsure when): Centrum Seksueel Geweld now — 24/7,
    /// medical and forensic care in the first days, police only if the person wants.</summary>
    public static readonly HelpRoute RecentSexualViolence = new("recent-sexual-violence", "route.csg-now", "csg");

    /// <summary>Sexual violence longer ago: Centrum Seksueel Geweld and Slachtofferhulp.</summary>
    public static readonly HelpRoute EarlierSexualViolence = new("earlier-sexual-violence", "route.csg-earlier", "csg", "slachtofferhulp");

    /// <summary>Harm, control or threats by a partner, ex, family member or housemate, or not being allowed out: Veilig Thuis.</summary>
    public static readonly HelpRoute HarmBySomeoneClose = new("harm-by-someone-close", "route.veilig-thuis", "veilig-thuis", "veilig-thuis-chat");

    /// <summary>Support, practical or legal help, preparing an aangifte or someone to go along: Slachtofferhulp.</summary>
    public static readonly HelpRoute Support = new("support", "route.slachtofferhulp", "slachtofferhulp");

    /// <summary>Wants a person rather than a bot: Slachtofferhulp by phone or chat.</summary>
    public static readonly HelpRoute TalkToPerson = new("talk-to-a-person", "route.person", "slachtofferhulp", "fier");

    /// <summary>Wants to make an aangifte: the police's non-emergency number (no online aangifte for this offence), and Slachtofferhulp to prepare and go along.</summary>
    public static readonly HelpRoute PoliceComplaint = new("police-complaint", "route.aangifte", "police", "slachtofferhulp");

    /// <summary>Helping someone after sexual violence: Centrum Seksueel Geweld, for them (acute care in the first days) and
    /// for advice to the helper.</summary>
    public static readonly HelpRoute SupportAfterSexualViolence = new("support-after-sexual-violence", "route.csg-for-someone", "csg");

    /// <summary>Worried about someone harmed by a partner, ex or family: Veilig Thuis also advises the people around them.</summary>
    public static readonly HelpRoute WorriedAboutSomeoneClose = new("worried-about-someone-close", "route.veilig-thuis-for-someone", "veilig-thuis");

    /// <summary>Wants to pass on a tip without giving a name: Meld Misdaad Anoniem.</summary>
    public static readonly HelpRoute AnonymousTip = new("anonymous-tip", "route.tip", "meld-misdaad-anoniem");

    /// <summary>Harassment that is also about background, religion, sexuality or gender: report it as discrimination
    /// too (Discriminatie.nl; RADAR in Rotterdam).</summary>
    public static readonly HelpRoute Discrimination = new("discrimination", "route.discrimination", "discriminatie");

    /// <summary>An LGBTI+ person going to the police: Roze in Blauw, the police network for them.</summary>
    public static readonly HelpRoute LgbtiPolice = new("lgbti-police", "route.roze-in-blauw", "roze-in-blauw");

    /// <summary>Touching in a report: the Centrum Seksueel Geweld and Slachtofferhulp to talk to.</summary>
    public static readonly HelpRoute AfterTouching = new("after-touching", "report.touching-help", "csg", "slachtofferhulp");

    private static readonly HelpRoute[] All =
    [
        RecentSexualViolence, EarlierSexualViolence, HarmBySomeoneClose, Support, TalkToPerson, PoliceComplaint,
        SupportAfterSexualViolence, WorriedAboutSomeoneClose, AnonymousTip, Discrimination, LgbtiPolice, AfterTouching,
    ];

    /// <summary>The route of this name (language modules name routes in their data), or null.</summary>
    public static HelpRoute? Named(string name) => All.FirstOrDefault(r => r.Name == name);

}
