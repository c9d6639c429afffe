namespace SafeChat.Bot.Live;

public static class LiveChatStatuses
{
    public const string Waiting = "waiting", Active = "active", Closed = "closed";
}
