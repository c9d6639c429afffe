using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeChat.Bot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClientActivityIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "client_activity_id",
                table: "conversation_activities",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ux_conversation_activities_client_id",
                table: "conversation_activities",
                columns: new[] { "conversation_id", "client_activity_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_conversation_activities_client_id",
                table: "conversation_activities");

            migrationBuilder.DropColumn(
                name: "client_activity_id",
                table: "conversation_activities");
        }
    }
}
