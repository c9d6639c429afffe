// Usage: dotnet run --project tools/MigrationScaffolder -- <MigrationName>
// Adds the migration for SQLite and for PostgreSQL under bot/SafeChat.Bot/Storage/Migrations/.
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;
using SafeChat.Bot.Storage;

if (args.Length != 1)
{
    Console.Error.WriteLine("Usage: MigrationScaffolder <MigrationName>");
    return 2;
}

var botProject = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../bot/SafeChat.Bot"));
var assembly = typeof(SafeChatDb).Assembly;

SafeChatDb[] contexts =
[
    new SqliteSafeChatDb(new DbContextOptionsBuilder<SqliteSafeChatDb>().UseSqlite("Data Source=:memory:").Options),
    new PostgresSafeChatDb(new DbContextOptionsBuilder<PostgresSafeChatDb>().UseNpgsql("Host=localhost").Options),
];

foreach (var db in contexts)
{
    var flavour = db is SqliteSafeChatDb ? "Sqlite" : "Postgres";
    var reporter = new OperationReporter(null);
    var services = new DesignTimeServicesBuilder(assembly, assembly, reporter, []).Build(db);
    var scaffolder = services.GetRequiredService<IMigrationsScaffolder>();
    var migration = scaffolder.ScaffoldMigration(args[0], "SafeChat.Bot", $"Storage.Migrations.{flavour}", "C#");
    var files = scaffolder.Save(botProject, migration, Path.Combine(botProject, "Storage", "Migrations", flavour));
    Console.WriteLine($"{flavour}: {files.MigrationFile}");
    db.Dispose();
}
return 0;
