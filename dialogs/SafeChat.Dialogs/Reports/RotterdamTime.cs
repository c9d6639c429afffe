namespace SafeChat.Dialogs.Reports;

/// <summary>Rotterdam's clock: dates people mention, office hours and deadlines are all in this time zone.</summary>
public static class RotterdamTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
}
