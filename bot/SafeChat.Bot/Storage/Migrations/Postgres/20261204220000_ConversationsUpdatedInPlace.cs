using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeChat.Bot.Storage.Migrations.Postgres
{
    /// <summary>A conversation's row changes twice a turn (the message's place in the log, then the turn's state and
    /// "processed" mark). The index on those two counters made PostgreSQL write every change as a new row with new entries
    /// in both indexes (no update in place: 0 of 59,834 in a closed loop, 2026-12-04), which the primary key's lookups then
    /// stepped over. It served nobody: the sweeper asks for rows whose one counter is past the other, which an index on
    /// both cannot answer, and PostgreSQL read the table for it already (EXPLAIN with the index in place).</summary>
    [DbContext(typeof(PostgresSafeChatDb))]
    [Migration("20261204220000_ConversationsUpdatedInPlace")]
    public partial class ConversationsUpdatedInPlace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_conversations_pending",
                table: "conversations");
            // Room on each page for the new version of a row: an update then stays on its page, without a new index entry.
            // It holds for pages written from now on; pages already full gain room as old versions are pruned.
            migrationBuilder.Sql("ALTER TABLE conversations SET (fillfactor = 70)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_conversations_pending",
                table: "conversations",
                columns: new[] { "last_inbound_seq", "last_processed_seq" });
            migrationBuilder.Sql("ALTER TABLE conversations RESET (fillfactor)");
        }
    }
}
