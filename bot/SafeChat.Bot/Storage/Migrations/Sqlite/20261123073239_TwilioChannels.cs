using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeChat.Bot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TwilioChannels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "channel_address_protected",
                table: "conversations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "last_user_message_at",
                table: "conversations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "opted_out",
                table: "conversations",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "inbound_receipts",
                columns: table => new
                {
                    message_sid = table.Column<string>(type: "TEXT", nullable: false),
                    received_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbound_receipts", x => x.message_sid);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    conversation_id = table.Column<string>(type: "TEXT", nullable: false),
                    channel = table.Column<string>(type: "TEXT", nullable: false),
                    body = table.Column<string>(type: "TEXT", nullable: false),
                    buttons = table.Column<string>(type: "TEXT", nullable: true),
                    content_sid = table.Column<string>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    next_attempt_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    lease_until = table.Column<DateTime>(type: "TEXT", nullable: true),
                    twilio_sid = table.Column<string>(type: "TEXT", nullable: true),
                    delivery_status = table.Column<string>(type: "TEXT", nullable: true),
                    error_code = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_messages", x => x.id);
                    table.ForeignKey(
                        name: "FK_outbox_messages_conversations_conversation_id",
                        column: x => x.conversation_id,
                        principalTable: "conversations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "whatsapp_contents",
                columns: table => new
                {
                    hash = table.Column<string>(type: "TEXT", nullable: false),
                    content_sid = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_whatsapp_contents", x => x.hash);
                });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_due",
                table: "outbox_messages",
                columns: new[] { "status", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_conversation_id",
                table: "outbox_messages",
                column: "conversation_id");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_twilio_sid",
                table: "outbox_messages",
                column: "twilio_sid");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inbound_receipts");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "whatsapp_contents");

            migrationBuilder.DropColumn(
                name: "channel_address_protected",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "last_user_message_at",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "opted_out",
                table: "conversations");
        }
    }
}
