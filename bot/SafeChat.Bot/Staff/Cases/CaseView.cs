using SafeChat.Bot.Storage;

namespace SafeChat.Bot.Staff.Cases;

/// <summary>A case as staff see it: the report, its history, and the phone number only while a call is due.</summary>
public sealed record CaseView(
    ReportRecord Report,
    IReadOnlyList<CaseEntryRecord> Entries,
    string? Phone,
    string? ClaimedByEmail,
    bool Overdue,
    bool MayClose,
    string? WhyNotClose,
    IReadOnlyList<string> DeliveryProblems);
