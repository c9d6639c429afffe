using System.Text;
using Microsoft.EntityFrameworkCore;
using SafeChat.Bot.Storage;

namespace SafeChat.Bot.Channels.Twilio;

/// <summary>
/// Marks sent messages in batches: the senders of many conversations wait for one write instead of each for its own.
/// On PostgreSQL the outbox's writes go one at a time, and while a thousand people started at once those marks were
/// the queue (SMS replies 6–8 s late at p99). A sender still waits until its mark is stored before it sends the
/// conversation's next message. After a quiet spell a mark is written at once; while senders are busy, marks are written
/// at most every <see cref="Spacing"/>, and each write takes what waits when its turn comes. The mark reads the
/// conversation back (STOP, erasure), so the next message needs no read of its own.
/// </summary>
public sealed class OutboxSentMarks(Func<Func<SafeChatDb, CancellationToken, Task>, CancellationToken, Task> write)
{
    /// <summary>Marks per command: a statement with a few hundred parameters, well inside both databases' limits.</summary>
    public const int MaxBatch = 200;

    private readonly Lock _gate = new();
    private readonly List<Mark> _waiting = [];
    private bool _writing;
    private readonly WriteSpacing _spacing = new(Spacing);

    /// <summary>Marks written at most this often while senders are busy.</summary>
    public static readonly TimeSpan Spacing = TimeSpan.FromMilliseconds(20);

    private sealed record Mark(long Id, string? Sid, TaskCompletionSource<OutboxClaims.Confirmed?> Stored);

    /// <summary>A marked row and its conversation as the mark found it.</summary>
    private sealed class Marked : OutboxClaims.Confirmed
    {
        public long Id { get; set; }
    }

    /// <summary>
    /// Returns once the row is marked sent (with Twilio's id for it), or throws what the write threw. With it comes the
    /// row's conversation as it is now: null when the row is no longer there (the conversation was erased).
    /// </summary>
    public Task<OutboxClaims.Confirmed?> MarkAsync(long id, string? sid)
    {
        var mark = new Mark(id, sid, new TaskCompletionSource<OutboxClaims.Confirmed?>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_gate)
        {
            _waiting.Add(mark);
            if (_writing) return mark.Stored.Task;
            _writing = true;
        }
        _ = Task.Run(WriteWaitingAsync, CancellationToken.None);
        return mark.Stored.Task;
    }

    private async Task WriteWaitingAsync()
    {
        while (true)
        {
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _writing = false;
                    return;
                }
            }
            List<Mark> batch = [];
            try
            {
                await _spacing.WaitAsync(CancellationToken.None);
                var marked = new Dictionary<long, Marked>();
                // Not a caller's token: Twilio has these messages, so the marks are written even while the host stops.
                await write(async (db, token) =>
                {
                    // The batch is what waits when the write's turn comes, not when it was asked for: marks that came
                    // while it queued behind the turns' writes join it.
                    batch = TakeWaiting();
                    foreach (var row in await db.Database.SqlQueryRaw<Marked>(Sql(batch, out var values), [.. values]).ToListAsync(token))
                        marked[row.Id] = row;
                }, CancellationToken.None);
                foreach (var mark in batch) mark.Stored.TrySetResult(marked.GetValueOrDefault(mark.Id));
            }
            catch (Exception error)
            {
                // The write failed before its turn came (the database is down): what waits hears why.
                if (batch.Count == 0) batch = TakeWaiting();
                foreach (var mark in batch) mark.Stored.TrySetException(error);
            }
        }
    }

    private List<Mark> TakeWaiting()
    {
        lock (_gate)
        {
            var batch = _waiting.Take(MaxBatch).ToList();
            _waiting.RemoveRange(0, batch.Count);
            return batch;
        }
    }

    /// <summary>One UPDATE for the batch: sent, one more attempt, no error, and each row's Twilio id where it has one;
    /// it returns each row's conversation as it is now.</summary>
    private static string Sql(List<Mark> batch, out List<object> values)
    {
        var parameters = new List<object> { OutboxStatuses.Sent };
        string Value(object value)
        {
            parameters.Add(value);
            return $"{{{parameters.Count - 1}}}";
        }

        var sql = new StringBuilder("UPDATE outbox_messages SET status = {0}, error_code = NULL, attempts = attempts + 1");
        var withSid = batch.Where(m => m.Sid is not null).ToList();
        if (withSid.Count > 0)
        {
            sql.Append(", twilio_sid = CASE id");
            foreach (var mark in withSid) sql.Append($" WHEN {Value(mark.Id)} THEN {Value(mark.Sid!)}");
            sql.Append(" ELSE twilio_sid END");
        }
        sql.Append(" WHERE id IN (").AppendJoin(", ", batch.Select(m => Value(m.Id))).Append(')')
            .Append(" RETURNING id AS \"Id\", ").Append(OutboxClaims.ConversationNow);
        values = parameters;
        return sql.ToString();
    }
}
