using SafeChat.Dialogs.Engine;

namespace SafeChat.Dialogs.Reports;

public static class Categories
{
    public static readonly IReadOnlyList<string> All = ["remarks", "gestures", "following", "touching", "exposure", "photos", "other"];
}

/// <summary>Where a report stands, as a reporter may see it.</summary>
public static class ReportStatuses
{
    public const string New = "new";
    public const string InProgress = "in-progress";
    public const string Replied = "replied";
    public const string Closed = "closed";
}

public enum FollowUp { None, InChat, ByPhone }

/// <summary>What the person approved, to be stored as a new anonymous report under <see cref="Code"/>.</summary>
public sealed record ReportSubmitted(
    string Code,
    bool HappenedToReporter,
    IReadOnlyList<string> Categories,
    string District,
    string? GridCell,
    string? Place,
    DateOnly? OccurredOn,
    PartOfDay? PartOfDay,
    string? Description,
    FollowUp FollowUp,
    string? Phone,
    string? CallWindow,
    bool HandoverConsent,
    string Language,
    IReadOnlyList<string> Signals) : ITurnEffect;

/// <summary>The reporter added information to an existing report through "status CODE".</summary>
public sealed record ReporterAddedInformation(string Code, string Text) : ITurnEffect;

/// <summary>What a reporter may see about their report.</summary>
public sealed record ReportStatus(string Code, string Status, string? StaffReply, DateTimeOffset? RepliedAt);

/// <summary>The host's read access to reports, so the engine can answer "status CODE" without knowing a database.</summary>
public interface IReportBook
{
    ReportStatus? Find(string code);

    /// <summary>The day a report sent now will be read (null: today), by the host's office hours.</summary>
    DateOnly? ReadOn(DateTimeOffset sentAt) => ReadingHours.ReadOn(sentAt);
}
