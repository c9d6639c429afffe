using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeChat.Bot.Storage.Migrations.Sqlite
{
    /// <summary>A TOTP code is accepted once (the last used step is kept). Report codes grow from 8 to 15 characters;
    /// SQLite's TEXT has no length, so for them only the model changes (no table rebuild).</summary>
    [DbContext(typeof(SqliteSafeChatDb))]
    [Migration("20261201100000_LongerReportCodesAndTotpSteps")]
    public partial class LongerReportCodesAndTotpSteps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "last_totp_step",
                table: "staff_users",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "last_totp_step",
                table: "staff_users");
        }
    }
}
