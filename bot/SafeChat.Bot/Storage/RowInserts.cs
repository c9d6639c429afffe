using System.Text;
using Microsoft.EntityFrameworkCore;

namespace SafeChat.Bot.Storage;

/// <summary>
/// Rows the change tracker would insert, written instead as plain INSERT statements inside a caller's own command: EF
/// Core sends SQLite one INSERT per row, so a turn with three SMS parts cost three commands more than its append. The
/// statements are built from the model (table, columns), so they follow the schema.
/// </summary>
public static class RowInserts
{
    /// <summary>The outbox rows added and not saved yet, no longer tracked: the caller inserts them.</summary>
    public static IReadOnlyList<IOutboxRow> TakeOutboxRows(SafeChatDb db)
    {
        var added = db.ChangeTracker.Entries().Where(e => e is { State: EntityState.Added, Entity: IOutboxRow }).ToList();
        foreach (var entry in added) entry.State = EntityState.Detached;
        return [.. added.Select(e => (IOutboxRow)e.Entity)];
    }

    /// <summary>One INSERT for the row; <paramref name="value"/> turns a value into a parameter placeholder. A key the
    /// database generates is left to it (an outbox row never has one set when it is added). With <paramref name="from"/>
    /// (a guarded update's RETURNING, in PostgreSQL's one statement), the row is inserted once for each row of it.</summary>
    public static string Insert(SafeChatDb db, object row, Func<object, string> value, string? from = null)
    {
        var entity = db.Model.FindEntityType(row.GetType()) ?? throw new InvalidOperationException($"{row.GetType().Name} is not in the model");
        var table = entity.GetTableMappings().Single();
        var columns = new List<string>();
        var values = new List<string>();
        foreach (var column in table.ColumnMappings)
        {
            var property = column.Property;
            if (property.IsPrimaryKey() && property.ValueGenerated == Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.OnAdd) continue;
            var current = property.PropertyInfo!.GetValue(row);
            if (column.TypeMapping.Converter is { } converter && current is not null) current = converter.ConvertToProvider(current);
            columns.Add(column.Column.Name);
            values.Add(current is null ? "NULL" : value(current));
        }
        return new StringBuilder("INSERT INTO ").Append(table.Table.Name).Append(" (").AppendJoin(", ", columns)
            .Append(from is null ? ") VALUES (" : ") SELECT ").AppendJoin(", ", values).Append(from is null ? ")" : $" FROM {from}").ToString();
    }
}
