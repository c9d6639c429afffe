using System;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeChat.Bot.Storage.Migrations.Sqlite
{
    /// <summary>Live chats: a conversation handed from the bot to a person from the team (waiting, active, closed).</summary>
    [DbContext(typeof(SqliteSafeChatDb))]
    [Migration("20261201130000_LiveChats")]
    public partial class LiveChats : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "live_chats",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    conversation_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    requested_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    start_seq = table.Column<long>(type: "INTEGER", nullable: false),
                    held_by = table.Column<long>(type: "INTEGER", nullable: true),
                    held_by_name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    claimed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    closed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    danger = table.Column<bool>(type: "INTEGER", nullable: false),
                    escalated_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    summary = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_live_chats", x => x.id);
                    table.ForeignKey(
                        name: "FK_live_chats_conversations_conversation_id",
                        column: x => x.conversation_id,
                        principalTable: "conversations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_live_chats_conversation",
                table: "live_chats",
                column: "conversation_id");

            migrationBuilder.CreateIndex(
                name: "ix_live_chats_status",
                table: "live_chats",
                columns: new[] { "status", "requested_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "live_chats");
        }
    }
}
