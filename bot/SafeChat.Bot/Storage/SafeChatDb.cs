using Microsoft.EntityFrameworkCore;

namespace SafeChat.Bot.Storage;

/// <summary>
/// The database. Table and column names are spelled out (snake_case) so that SQLite and PostgreSQL
/// share one schema and the data map can name them.
/// </summary>
public abstract class SafeChatDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<ConversationRecord> Conversations => Set<ConversationRecord>();
    public DbSet<ActivityRecord> Activities => Set<ActivityRecord>();
    public DbSet<ReportRecord> Reports => Set<ReportRecord>();
    public DbSet<CaseEntryRecord> CaseEntries => Set<CaseEntryRecord>();
    public DbSet<AuditRecord> Audit => Set<AuditRecord>();
    public DbSet<StaffUserRecord> StaffUsers => Set<StaffUserRecord>();
    public DbSet<OutboxRecord> Outbox => Set<OutboxRecord>();
    public DbSet<ConnectorOutboxRecord> ConnectorOutbox => Set<ConnectorOutboxRecord>();
    public DbSet<InboundReceiptRecord> InboundReceipts => Set<InboundReceiptRecord>();
    public DbSet<WhatsAppContentRecord> WhatsAppContents => Set<WhatsAppContentRecord>();
    public DbSet<JobRunRecord> JobRuns => Set<JobRunRecord>();
    public DbSet<LiveChatRecord> LiveChats => Set<LiveChatRecord>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<ConversationRecord>(c =>
        {
            c.ToTable("conversations");
            c.HasKey(x => x.Id);
            c.Property(x => x.Id).HasColumnName("id").HasMaxLength(64);
            c.Property(x => x.Channel).HasColumnName("channel").HasMaxLength(32);
            c.Property(x => x.UserId).HasColumnName("user_id").HasMaxLength(64);
            c.Property(x => x.CreatedAt).HasColumnName("created_at");
            c.Property(x => x.LastActivityAt).HasColumnName("last_activity_at");
            c.Property(x => x.StateJson).HasColumnName("state_json");
            c.Property(x => x.StateVersion).HasColumnName("state_version").IsConcurrencyToken();
            c.Property(x => x.LastSeq).HasColumnName("last_seq");
            c.Property(x => x.LastInboundSeq).HasColumnName("last_inbound_seq");
            c.Property(x => x.LastProcessedSeq).HasColumnName("last_processed_seq");
            c.Property(x => x.ChannelAddressProtected).HasColumnName("channel_address_protected");
            c.Property(x => x.OptedOut).HasColumnName("opted_out");
            c.Property(x => x.LastUserMessageAt).HasColumnName("last_user_message_at");
            // No index on a column a message or a turn changes: PostgreSQL could not update the row in place
            // (ConversationsUpdatedInPlace; ConversationRowInPlaceTests).
        });
        model.Entity<ActivityRecord>(a =>
        {
            a.ToTable("conversation_activities");
            a.HasKey(x => x.Id);
            a.Property(x => x.Id).HasColumnName("id");
            a.Property(x => x.ConversationId).HasColumnName("conversation_id").HasMaxLength(64);
            a.Property(x => x.Seq).HasColumnName("seq");
            a.Property(x => x.ActivityId).HasColumnName("activity_id").HasMaxLength(96);
            a.Property(x => x.Type).HasColumnName("type").HasMaxLength(32);
            a.Property(x => x.FromUser).HasColumnName("from_user");
            a.Property(x => x.VisibleToClient).HasColumnName("visible_to_client");
            a.Property(x => x.ClientActivityId).HasColumnName("client_activity_id").HasMaxLength(100);
            a.Property(x => x.Json).HasColumnName("json");
            a.Property(x => x.CreatedAt).HasColumnName("created_at");
            a.HasIndex(x => new { x.ConversationId, x.Seq }).IsUnique().HasDatabaseName("ux_conversation_activities_seq");
            a.HasIndex(x => new { x.ConversationId, x.ClientActivityId }).IsUnique().HasDatabaseName("ux_conversation_activities_client_id");
            a.HasOne<ConversationRecord>().WithMany().HasForeignKey(x => x.ConversationId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<ReportRecord>(r =>
        {
            r.ToTable("reports");
            r.HasKey(x => x.Id);
            r.HasIndex(x => x.Code).IsUnique().HasDatabaseName("ux_reports_code");
            r.HasIndex(x => new { x.Status, x.Tier, x.DeadlineAt }).HasDatabaseName("ix_reports_queue");
            r.HasIndex(x => new { x.District, x.CreatedAt }).HasDatabaseName("ix_reports_district");
            r.HasIndex(x => new { x.GridCell, x.CreatedAt }).HasDatabaseName("ix_reports_grid_cell");
            r.Property(x => x.Code).HasMaxLength(SafeChat.Dialogs.Reports.ReportCode.MaxWritten);
            r.Property(x => x.Version).IsConcurrencyToken();
            SnakeCase(r.Metadata);
        });
        model.Entity<CaseEntryRecord>(e =>
        {
            e.ToTable("case_entries");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.ReportId).HasDatabaseName("ix_case_entries_report");
            e.HasOne<ReportRecord>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
            SnakeCase(e.Metadata);
        });
        model.Entity<AuditRecord>(a =>
        {
            a.ToTable("audit_log");
            a.HasKey(x => x.Id);
            a.HasIndex(x => x.ReportId).HasDatabaseName("ix_audit_log_report");
            SnakeCase(a.Metadata);
        });
        model.Entity<OutboxRecord>(o =>
        {
            o.ToTable("outbox_messages");
            o.HasKey(x => x.Id);
            o.HasIndex(x => new { x.Status, x.NextAttemptAt }).HasDatabaseName("ix_outbox_due");
            o.HasIndex(x => x.TwilioSid).HasDatabaseName("ix_outbox_twilio_sid");
            o.HasOne<ConversationRecord>().WithMany().HasForeignKey(x => x.ConversationId).OnDelete(DeleteBehavior.Cascade);
            SnakeCase(o.Metadata);
        });
        model.Entity<ConnectorOutboxRecord>(o =>
        {
            o.ToTable("connector_outbox");
            o.HasKey(x => x.Id);
            o.HasIndex(x => new { x.Status, x.NextAttemptAt }).HasDatabaseName("ix_connector_outbox_due");
            o.HasOne<ConversationRecord>().WithMany().HasForeignKey(x => x.ConversationId).OnDelete(DeleteBehavior.Cascade);
            SnakeCase(o.Metadata);
        });
        model.Entity<WhatsAppContentRecord>(w =>
        {
            w.ToTable("whatsapp_contents");
            w.HasKey(x => x.Hash);
            SnakeCase(w.Metadata);
        });
        model.Entity<JobRunRecord>(j =>
        {
            j.ToTable("job_runs");
            j.HasKey(x => x.Name);
            SnakeCase(j.Metadata);
        });
        model.Entity<InboundReceiptRecord>(r =>
        {
            r.ToTable("inbound_receipts");
            r.HasKey(x => x.MessageSid);
            SnakeCase(r.Metadata);
        });
        model.Entity<LiveChatRecord>(l =>
        {
            l.ToTable("live_chats");
            l.HasKey(x => x.Id);
            l.Property(x => x.ConversationId).HasMaxLength(64);
            l.Property(x => x.Status).HasMaxLength(16);
            l.Property(x => x.HeldByName).HasMaxLength(64);
            l.Property(x => x.Outcome).HasMaxLength(64);
            l.HasIndex(x => new { x.Status, x.RequestedAt }).HasDatabaseName("ix_live_chats_status");
            l.HasIndex(x => x.ConversationId).HasDatabaseName("ix_live_chats_conversation");
            l.HasOne<ConversationRecord>().WithMany().HasForeignKey(x => x.ConversationId).OnDelete(DeleteBehavior.Cascade);
            SnakeCase(l.Metadata);
        });
        model.Entity<StaffUserRecord>(u =>
        {
            u.ToTable("staff_users");
            u.HasKey(x => x.Id);
            u.HasIndex(x => x.Email).IsUnique().HasDatabaseName("ux_staff_users_email");
            SnakeCase(u.Metadata);
        });
    }

    /// <summary>Column names in snake_case, as the tables above spell theirs out by hand.</summary>
    private static void SnakeCase(Microsoft.EntityFrameworkCore.Metadata.IMutableEntityType entity)
    {
        foreach (var property in entity.GetProperties())
            property.SetColumnName(string.Concat(property.Name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString())));
    }
}

/// <summary>SQLite flavour: its own migrations, the embedded default.</summary>
public sealed class SqliteSafeChatDb(DbContextOptions<SqliteSafeChatDb> options) : SafeChatDb(options);

/// <summary>PostgreSQL flavour: its own migrations, for several instances behind a load balancer.</summary>
public sealed class PostgresSafeChatDb(DbContextOptions<PostgresSafeChatDb> options) : SafeChatDb(options);
