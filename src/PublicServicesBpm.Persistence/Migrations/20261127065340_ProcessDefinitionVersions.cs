using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PublicServicesBpm.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ProcessDefinitionVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "bpm");

            migrationBuilder.CreateTable(
                name: "process_definition_versions",
                schema: "bpm",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    content_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    bpmn_xml = table.Column<string>(type: "text", nullable: false),
                    deployed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    deployed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    retired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_process_definition_versions", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_process_definition_versions_key_content_hash",
                schema: "bpm",
                table: "process_definition_versions",
                columns: new[] { "key", "content_hash" });

            migrationBuilder.CreateIndex(
                name: "ix_process_definition_versions_key_version",
                schema: "bpm",
                table: "process_definition_versions",
                columns: new[] { "key", "version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "process_definition_versions",
                schema: "bpm");
        }
    }
}
