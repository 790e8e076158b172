using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PublicServicesBpm.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CalledProcesses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "parent_call_id",
                schema: "bpm",
                table: "process_instances",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "called_processes",
                schema: "bpm",
                columns: table => new
                {
                    call_id = table.Column<string>(type: "text", nullable: false),
                    parent_instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    element_id = table.Column<string>(type: "text", nullable: false),
                    called_process_key = table.Column<string>(type: "text", nullable: false),
                    binding = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: true),
                    version_tag = table.Column<string>(type: "text", nullable: true),
                    variables = table.Column<string>(type: "jsonb", nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    child_instance_id = table.Column<Guid>(type: "uuid", nullable: true),
                    cancelled = table.Column<bool>(type: "boolean", nullable: false),
                    child_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    child_variables = table.Column<string>(type: "jsonb", nullable: true),
                    child_ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_called_processes", x => x.call_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_called_processes_parent_instance_id",
                schema: "bpm",
                table: "called_processes",
                column: "parent_instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_called_processes_requested_at",
                schema: "bpm",
                table: "called_processes",
                column: "requested_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "called_processes",
                schema: "bpm");

            migrationBuilder.DropColumn(
                name: "parent_call_id",
                schema: "bpm",
                table: "process_instances");
        }
    }
}
