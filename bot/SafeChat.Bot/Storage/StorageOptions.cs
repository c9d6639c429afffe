namespace SafeChat.Bot.Storage;

public enum StorageProvider { Sqlite, Postgres }

/// <summary>Section "Storage". SQLite in a data folder unless PostgreSQL is configured.</summary>
public sealed class StorageOptions
{
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>For SQLite: where safechat.db (and generated keys) live. Relative to the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>PostgreSQL connection string (ConnectionStrings:SafeChat also works).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply migrations at start-up. A cluster may turn this off and run a migration job instead.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
