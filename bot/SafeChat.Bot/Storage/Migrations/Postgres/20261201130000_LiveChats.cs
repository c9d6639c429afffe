using System;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SafeChat.Bot.Storage.Migrations.Postgres
{
    /// <summary>Live chats: a conversation handed from the bot to a person from the team (waiting, active, closed).</summary>
    [DbContext(typeof(PostgresSafeChatDb))]
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
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    conversation_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    requested_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    start_seq = table.Column<long>(type: "bigint", nullable: false),
                    held_by = table.Column<long>(type: "bigint", nullable: true),
                    held_by_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    claimed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    outcome = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    danger = table.Column<bool>(type: "boolean", nullable: false),
                    escalated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    summary = table.Column<string>(type: "text", nullable: true)
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
