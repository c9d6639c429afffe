namespace SafeChat.Testing;

/// <summary>What a simulated person says: a realistic visit that ends in a report, as tapped choices or typed words.</summary>
public static class Journeys
{
    /// <summary>Web Chat: the titles of the choices a bystander taps. The last one sends the report.</summary>
    public static readonly string[] ReportOnWebChat =
        ["ik wil een melding maken", "Iemand anders, ik zag het", "Gebaren", "Dit is alles", "Noord", "Overslaan", "Eerder",
         "Overslaan", "Nee, dat hoeft niet", "Versturen"];

    /// <summary>SMS has no buttons: people answer with the number of a choice. The last one sends the report.</summary>
    public static readonly string[] ReportOnSms =
    [
        "hoi",                      // greeting and the danger question
        "ik wil een melding maken", // straight to the report
        "2",                        // someone else, I saw it
        "3",                        // following
        "1",                        // that is all
        "1",                        // Centrum
        "1",                        // no place (skip)
        "1",                        // just now
        "1",                        // no description (skip)
        "1",                        // no reply needed
        "1",                        // send
    ];
}
