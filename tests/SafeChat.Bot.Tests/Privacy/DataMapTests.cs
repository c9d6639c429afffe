using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SafeChat.Bot.Storage;
using SafeChat.Bot.Tests.Support;

namespace SafeChat.Bot.Tests.Privacy;

/// <summary>docs/data-map.md and the schema agree, column for column: the map cannot drift.</summary>
public partial class DataMapTests
{
    [GeneratedRegex(@"^\| `([a-z_]+)\.([a-z_]+)` \|(.+)$", RegexOptions.Multiline)]
    private static partial Regex Row();

    [Fact]
    public void Every_column_is_documented_and_every_documented_column_exists()
    {
        using var db = new SqliteSafeChatDb(new DbContextOptionsBuilder<SqliteSafeChatDb>().UseSqlite("Data Source=:memory:").Options);
        var schema = db.Model.GetEntityTypes()
            .SelectMany(e => e.GetProperties().Select(p => $"{e.GetTableName()}.{p.GetColumnName(StoreObjectIdentifier.Table(e.GetTableName()!, null))}"))
            .ToHashSet();
        var rows = Row().Matches(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "data-map.md")))
            .ToDictionary(m => $"{m.Groups[1].Value}.{m.Groups[2].Value}", m => m.Groups[3].Value);

        Assert.Empty(schema.Except(rows.Keys).Order());          // a new column needs a row in the data map
        Assert.Empty(rows.Keys.Except(schema).Order());          // and the map names nothing that is not there
        Assert.All(rows, row => Assert.Equal(5, row.Value.Split('|', StringSplitOptions.TrimEntries).Count(c => c.Length > 0)));
    }
}
