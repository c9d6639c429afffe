namespace SafeChat.Bot.Channels.DirectLine;

public static class DirectLineChannel
{
    /// <summary>Channel id Web Chat stamps on what it sends.</summary>
    public const string WebChat = "webchat";

    /// <summary>Channel id for other Direct Line clients (DirectLineJS on its own, the load benchmark).</summary>
    public const string DirectLine = "directline";

    public const string BasePath = "/v3/directline";
}
