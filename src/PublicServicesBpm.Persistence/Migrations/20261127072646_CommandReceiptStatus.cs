using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PublicServicesBpm.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CommandReceiptStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "status",
                schema: "bpm",
                table: "command_receipts",
                type: "text",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "status",
                schema: "bpm",
                table: "command_receipts");
        }
    }
}
