using SafeChat.Bot.Storage;

namespace SafeChat.Bot.Staff.Audit;

/// <summary>Writes audit entries in the same save as the action they describe, so one never exists without the other.</summary>
public sealed class AuditTrail(TimeProvider clock)
{
    public void Record(SafeChatDb db, long? staffId, string action, long? reportId = null, string? detail = null) =>
        db.Audit.Add(new AuditRecord { At = clock.GetUtcNow().UtcDateTime, StaffId = staffId, Action = action, ReportId = reportId, Detail = detail });
}

public static class AuditActions
{
    public const string SignedIn = "signed-in";
    public const string SignInFailed = "sign-in-failed";
    public const string ChangedPassword = "changed-password";
    public const string ViewedQueue = "viewed-queue";
    public const string ViewedReport = "viewed-report";
    public const string Claimed = "claimed";
    public const string Reassigned = "reassigned";
    public const string TookOver = "took-over";
    public const string AddedNote = "added-note";
    public const string Replied = "replied";
    public const string RecordedCallAttempt = "recorded-call-attempt";
    public const string HandedOver = "handed-over";
    public const string Closed = "closed";
    public const string Erased = "erased";
    public const string Escalated = "escalated";
    public const string ViewedAudit = "viewed-audit";
    public const string ViewedStatistics = "viewed-statistics";
    public const string EndedAllSessions = "ended-all-sessions";

    // Administration: the entry's staff id is the acting admin (none for the command line), its detail the target account.
    public const string ViewedAccounts = "viewed-accounts";
    public const string ViewedLiveChat = "viewed-live-chat";
    public const string ClaimedLiveChat = "claimed-live-chat";
    public const string TookOverLiveChat = "took-over-live-chat";
    public const string SentLiveMessage = "sent-live-message";
    public const string ClosedLiveChat = "closed-live-chat";
    public const string ReportedFromLiveChat = "reported-from-live-chat";
    public const string EscalatedLiveChat = "escalated-live-chat";
    public const string DisabledAccount = "disabled-account";
    public const string EnabledAccount = "enabled-account";
    public const string ResetPassword = "reset-password";
    public const string ResetTotp = "reset-totp";
    public const string ChangedRole = "changed-role";
}
