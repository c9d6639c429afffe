using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeChat.Bot.Storage.Migrations.Postgres
{
    /// <summary>A TOTP code is accepted once (the last used step is kept). Report codes grow from 8 to 15 characters (about 70 bits), written in three groups: 17 with the dashes.</summary>
    [DbContext(typeof(PostgresSafeChatDb))]
    [Migration("20261201100000_LongerReportCodesAndTotpSteps")]
    public partial class LongerReportCodesAndTotpSteps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "last_totp_step",
                table: "staff_users",
                type: "bigint",
                nullable: true);
            migrationBuilder.AlterColumn<string>(
                name: "code",
                table: "reports",
                type: "character varying(17)",
                maxLength: 17,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(9)",
                oldMaxLength: 9);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "last_totp_step",
                table: "staff_users");
            migrationBuilder.AlterColumn<string>(
                name: "code",
                table: "reports",
                type: "character varying(9)",
                maxLength: 9,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(17)",
                oldMaxLength: 17);
        }
    }
}
