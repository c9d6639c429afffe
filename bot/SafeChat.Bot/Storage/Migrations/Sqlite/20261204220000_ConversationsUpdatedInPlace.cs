using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeChat.Bot.Storage.Migrations.Sqlite
{
    /// <summary>A conversation's row changes twice a turn (the message's place in the log, then the turn's state and
    /// "processed" mark). The index on those two counters made PostgreSQL write every change as a new row with new entries
    /// in both indexes (no update in place: 0 of 59,834 in a closed loop, 2026-12-04), which the primary key's lookups then
    /// stepped over. It served nobody: the sweeper asks for rows whose one counter is past the other, which an index on
    /// both cannot answer, and PostgreSQL read the table for it already (EXPLAIN with the index in place).</summary>
    [DbContext(typeof(SqliteSafeChatDb))]
    [Migration("20261204220000_ConversationsUpdatedInPlace")]
    public partial class ConversationsUpdatedInPlace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_conversations_pending",
                table: "conversations");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_conversations_pending",
                table: "conversations",
                columns: new[] { "last_inbound_seq", "last_processed_seq" });
        }
    }
}
