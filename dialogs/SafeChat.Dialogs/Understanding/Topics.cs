namespace SafeChat.Dialogs.Understanding;

/// <summary>What else a story is about, beyond the triage signals: each opens one more route when it is mentioned.</summary>
public static class Topics
{
    /// <summary>Racism, religion (a headscarf), sexuality or gender: report it as discrimination too.</summary>
    public const string Discrimination = "discrimination";

    /// <summary>The person is LGBTI+: the police have Roze in Blauw.</summary>
    public const string Lgbti = "lgbti";

    /// <summary>A question about the law ("is dat strafbaar?", "is it illegal?"): what counts, and what the law says.</summary>
    public const string Law = "law";

    /// <summary>A question about the punishment ("hoe hoog is de boete?"): what counts, the penalty first.</summary>
    public const string Penalty = "penalty";

    /// <summary>A question about the choices ("wat is het verschil?", "melding of aangifte?"): both explained.</summary>
    public const string Choices = "choices";
}
