namespace SafeChat.Dialogs.Reports;

/// <summary>
/// A shared location is never stored exactly: it becomes a grid cell of about 250 by 250 metres.
/// At Rotterdam's latitude 0.00225° of latitude and 0.0037° of longitude are each about 250 m.
/// </summary>
public static class GridCell
{
    private const double LatitudeStep = 0.00225;
    private const double LongitudeStep = 0.0037;

    public static string Of(double latitude, double longitude) =>
        $"g{(long)Math.Floor(latitude / LatitudeStep)}_{(long)Math.Floor(longitude / LongitudeStep)}";
}
