namespace SafeChat.Bot.Privacy;

/// <summary>Section "Retention": how long things are kept. The defaults are the ones in docs/data-map.md.</summary>
public sealed class RetentionOptions
{
    /// <summary>Conversation transcripts, state and delivery addresses, counted from the last activity.</summary>
    public int TranscriptDays { get; set; } = 30;

    /// <summary>After this long, a closed case keeps only its de-identified fields.</summary>
    public int ClosedCaseMonths { get; set; } = 12;

    public int AuditMonths { get; set; } = 24;

    /// <summary>Twilio MessageSids kept to recognise a repeated delivery.</summary>
    public int ReceiptDays { get; set; } = 7;

    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Whether this instance runs the schedule (every instance may; the job claims each period once).</summary>
    public bool Scheduled { get; set; } = true;
}
