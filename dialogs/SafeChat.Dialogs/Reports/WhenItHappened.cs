namespace SafeChat.Dialogs.Reports;

public enum PartOfDay { Night, Morning, Afternoon, Evening }

/// <summary>A date and, when known, the part of the day: as precise as a report needs, and no more.</summary>
public sealed record WhenItHappened(DateOnly Date, PartOfDay? Part);
