using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SafeChat.Bot.Storage.Migrations.Postgres
{
    /// <summary>Reports by grid cell and time: a new report with a place counts the week's reports from the same cell
    /// (the repeat-location tier) without reading every report of the week.</summary>
    [DbContext(typeof(PostgresSafeChatDb))]
    [Migration("20261204150000_ReportsByGridCell")]
    public partial class ReportsByGridCell : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_reports_grid_cell",
                table: "reports",
                columns: new[] { "grid_cell", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_reports_grid_cell",
                table: "reports");
        }
    }
}
