namespace SafeChat.Load;

/// <summary>What a simulated person says: a realistic visit that ends in a report, as tapped choices or typed words.</summary>
public static class Journeys
{
    public static readonly string[] ReportOnWebChat =
        ["ik wil een melding maken", "Iemand anders, ik zag het", "Gebaren", "Dit is alles", "Noord", "Overslaan", "Eerder",
         "Overslaan", "Nee, dat hoeft niet", "Versturen"];

    // SMS has no buttons: people answer with the number of a choice, or in their own words.
    public static readonly string[] ReportOnSms = ["hoi", "ik wil een melding maken", "2", "3", "1", "1", "2", "1", "2", "1"];
}
