using System.Data.Common;

namespace SafeChat.Bot.Storage;

/// <summary>
/// PostgreSQL broke a deadlock by undoing this transaction (the other one goes on). The one-statement append locks the
/// conversation's row before it takes a message's receipt, and the store that reads the log takes the receipt first:
/// two copies of one delivery, one down each path at the same moment, can meet that way. Whichever was undone then
/// finds the other's receipt when it goes again.
/// </summary>
public static class Deadlock
{
    private const string DeadlockDetected = "40P01";

    public static bool Is(Exception error) => error is DbException { SqlState: DeadlockDetected }
                                              || error.InnerException is DbException { SqlState: DeadlockDetected };
}
