using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeChat.Bot.Storage.Migrations.Sqlite
{
    /// <summary>The model has no index on the counters a message and a turn change: on PostgreSQL it kept every update of
    /// the row from being made in place (see the PostgreSQL migration of the same name), and it served no query (the
    /// sweeper's, one counter past the other, reads the table). Here it only cost a write per change.</summary>
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
