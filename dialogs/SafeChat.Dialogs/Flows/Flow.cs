namespace SafeChat.Dialogs.Flows;

/// <summary>The names of SafeChat's flows, as stored in conversation state. Never rename a stored one.</summary>
public static class Flow
{
    public const string Greeting = "greeting";
    public const string MainMenu = "main-menu";
    public const string HappenedToMe = "happened-to-me";
    public const string StreetHarassment = "street-harassment";
    public const string SexualViolence = "sexual-violence";
    public const string SomeoneClose = "someone-close";
    public const string WhatCounts = "what-counts";
    public const string ReportOrPolice = "report-or-police";
    public const string Bystander = "bystander";
    public const string BystanderNow = "bystander-now";
    public const string BystanderAfter = "bystander-after";
    public const string BystanderPrepare = "bystander-prepare";
    public const string BystanderFriend = "bystander-friend";
    public const string TalkToPerson = "talk-to-person";
    public const string Report = "report";
    public const string ReportStatus = "report-status";
    public const string Erase = "erase";
    public const string SafetyCheck = "safety-check";
    public const string WhenSafe = "when-safe";
    public const string ConfirmSwitch = "confirm-switch";
}
