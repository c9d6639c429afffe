using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeChat.Bot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "conversations",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    last_activity_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    state_json = table.Column<string>(type: "TEXT", nullable: false),
                    state_version = table.Column<int>(type: "INTEGER", nullable: false),
                    last_seq = table.Column<long>(type: "INTEGER", nullable: false),
                    last_inbound_seq = table.Column<long>(type: "INTEGER", nullable: false),
                    last_processed_seq = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_conversations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "conversation_activities",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    conversation_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    seq = table.Column<long>(type: "INTEGER", nullable: false),
                    activity_id = table.Column<string>(type: "TEXT", maxLength: 96, nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    from_user = table.Column<bool>(type: "INTEGER", nullable: false),
                    visible_to_client = table.Column<bool>(type: "INTEGER", nullable: false),
                    json = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_conversation_activities", x => x.id);
                    table.ForeignKey(
                        name: "FK_conversation_activities_conversations_conversation_id",
                        column: x => x.conversation_id,
                        principalTable: "conversations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ux_conversation_activities_seq",
                table: "conversation_activities",
                columns: new[] { "conversation_id", "seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_conversations_pending",
                table: "conversations",
                columns: new[] { "last_inbound_seq", "last_processed_seq" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "conversation_activities");

            migrationBuilder.DropTable(
                name: "conversations");
        }
    }
}
