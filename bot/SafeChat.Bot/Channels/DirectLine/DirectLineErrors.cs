namespace SafeChat.Bot.Channels.DirectLine;

/// <summary>
/// Error answers in Direct Line's shape. Only for permanent problems: DirectLineJS gives up for good on
/// 403/404 and stops polling on any 4xx/5xx, so transient trouble never comes through here.
/// </summary>
public static class DirectLineErrors
{
    public static IResult MissingAuthorization() => Error(401, "MissingAuthorization", "Send 'Authorization: Bearer <token>'.");
    public static IResult TokenExpired() => Error(403, "TokenExpired", "The token has expired. Get a new one.");
    public static IResult InvalidToken() => Error(403, "BadToken", "The token is not valid.");
    public static IResult ForeignConversation() => Error(403, "BadToken", "This token is for another conversation.");
    public static IResult SecretRequired() => Error(403, "BadToken", "This call needs the Direct Line secret.");
    public static IResult UnknownConversation() => Error(404, "BadArgument", "There is no such conversation.");
    public static IResult BadArgument(string message) => Error(400, "BadArgument", message);

    public static IResult Error(int status, string code, string message) =>
        Results.Json(new { error = new { code, message } }, statusCode: status);
}
