namespace SafeChat.Dialogs.Activities;

public static class ActivityTypes
{
    public const string Message = "message";
    public const string Typing = "typing";
    public const string Event = "event";
    public const string ConversationUpdate = "conversationUpdate";
}
