using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PublicServicesBpm.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DossierCodeSequences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dossier_code_sequences",
                schema: "app",
                columns: table => new
                {
                    agency_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    last_number = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dossier_code_sequences", x => new { x.agency_code, x.day });
                    table.ForeignKey(
                        name: "fk_dossier_code_sequences_agencies_agency_code",
                        column: x => x.agency_code,
                        principalSchema: "app",
                        principalTable: "agencies",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dossier_code_sequences",
                schema: "app");
        }
    }
}
