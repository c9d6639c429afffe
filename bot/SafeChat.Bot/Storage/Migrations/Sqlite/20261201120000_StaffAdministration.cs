using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeChat.Bot.Storage.Migrations.Sqlite
{
    /// <summary>Administration: an account can be disabled, a one-time password expires 72 hours after it was issued, and a
    /// session generation (part of the security stamp) lets "sign out everywhere" and admin changes end every session.</summary>
    [DbContext(typeof(SqliteSafeChatDb))]
    [Migration("20261201120000_StaffAdministration")]
    public partial class StaffAdministration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "disabled",
                table: "staff_users",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
            migrationBuilder.AddColumn<DateTime>(
                name: "one_time_password_expires_at",
                table: "staff_users",
                type: "TEXT",
                nullable: true);
            migrationBuilder.AddColumn<int>(
                name: "session_generation",
                table: "staff_users",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "disabled",
                table: "staff_users");
            migrationBuilder.DropColumn(
                name: "one_time_password_expires_at",
                table: "staff_users");
            migrationBuilder.DropColumn(
                name: "session_generation",
                table: "staff_users");
        }
    }
}
