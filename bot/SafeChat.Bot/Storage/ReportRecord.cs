namespace SafeChat.Bot.Storage;

/// <summary>
/// One anonymous report. It holds no channel address, no IP address and no transcript: only what the person
/// approved, free text already scrubbed, and a phone number only with consent, encrypted, erased at closing.
/// </summary>
public sealed class ReportRecord
{
    public long Id { get; set; }
    public required string Code { get; set; }
    public DateTime CreatedAt { get; set; }
    public bool HappenedToReporter { get; set; }
    public required string Categories { get; set; }
    public required string District { get; set; }
    public string? GridCell { get; set; }
    public string? Place { get; set; }
    public DateOnly? OccurredOn { get; set; }
    public string? PartOfDay { get; set; }
    public string? Description { get; set; }
    public required string FollowUp { get; set; }

    /// <summary>Encrypted with ASP.NET Core Data Protection; the keys live outside the database.</summary>
    public string? ContactPhoneProtected { get; set; }
    public string? CallWindow { get; set; }

    /// <summary>The person agreed that staff may hand the approved summary over to a help organisation.</summary>
    public bool HandoverConsent { get; set; }

    /// <summary>Only when the person chose "reply in this chat": where the reply goes.</summary>
    public string? ReplyConversationId { get; set; }

    public required string Language { get; set; }
    public string Signals { get; set; } = "";
    public int Tier { get; set; }
    public string TierReason { get; set; } = "";
    public DateTime DeadlineAt { get; set; }
    public required string Status { get; set; }
    public long? ClaimedBy { get; set; }
    public DateTime? FirstReplyAt { get; set; }
    public DateTime? EscalatedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public string? Outcome { get; set; }
    public string? OutcomeText { get; set; }
    public int Version { get; set; }
}

/// <summary>What happened on a case over time: notes, replies, what the reporter added, a handover.</summary>
public sealed class CaseEntryRecord
{
    public long Id { get; set; }
    public long ReportId { get; set; }
    public required string Kind { get; set; }
    public required string Text { get; set; }
    public long? StaffId { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>Append-only: who looked at or did what, when. The application offers no way to edit or delete it.</summary>
public sealed class AuditRecord
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public long? StaffId { get; set; }
    public required string Action { get; set; }
    public long? ReportId { get; set; }
    public string? Detail { get; set; }
}

public sealed class StaffUserRecord
{
    public long Id { get; set; }
    public required string Email { get; set; }
    public required string PasswordHash { get; set; }
    public required string TotpSecretProtected { get; set; }
    public required string Role { get; set; }

    /// <summary>Set for a new account: the printed password works once, to choose a real one.</summary>
    public bool MustChangePassword { get; set; } = true;
    public int FailedSignIns { get; set; }
    public DateTime? LockedUntil { get; set; }

    /// <summary>The TOTP time step last used to sign in: a code is accepted once, never again within its window.</summary>
    public long? LastTotpStep { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Set by an admin: the account cannot sign in and its sessions end.</summary>
    public bool Disabled { get; set; }

    /// <summary>When the one-time password stops working (72 hours after it was issued); null once a real one is chosen.</summary>
    public DateTime? OneTimePasswordExpiresAt { get; set; }

    /// <summary>Part of the security stamp: raised to end every session of the account ("sign out everywhere", admin changes).</summary>
    public int SessionGeneration { get; set; }
}
