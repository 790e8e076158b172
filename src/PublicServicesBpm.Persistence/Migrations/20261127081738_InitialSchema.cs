using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PublicServicesBpm.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "bpm");

            migrationBuilder.EnsureSchema(
                name: "app");

            // Hangfire creates its own tables in its schema at start-up; the schema belongs to the layout.
            migrationBuilder.EnsureSchema(
                name: "hangfire");

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

            migrationBuilder.CreateTable(
                name: "command_receipts",
                schema: "bpm",
                columns: table => new
                {
                    idempotency_key = table.Column<string>(type: "text", nullable: false),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_command_receipts", x => x.idempotency_key);
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                schema: "app",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "history_events",
                schema: "bpm",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    type = table.Column<string>(type: "text", nullable: false),
                    element_id = table.Column<string>(type: "text", nullable: true),
                    data = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_history_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "incidents",
                schema: "bpm",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    element_id = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "text", nullable: false),
                    message = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_incidents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "jobs",
                schema: "bpm",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    element_id = table.Column<string>(type: "text", nullable: false),
                    handler_type = table.Column<string>(type: "text", nullable: false),
                    retries_left = table.Column<int>(type: "integer", nullable: false),
                    run_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_jobs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "message_subscriptions",
                schema: "bpm",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    element_id = table.Column<string>(type: "text", nullable: false),
                    message_name = table.Column<string>(type: "text", nullable: false),
                    correlation_key = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_message_subscriptions", x => x.id);
                });

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

            migrationBuilder.CreateTable(
                name: "timers",
                schema: "bpm",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    element_id = table.Column<string>(type: "text", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_timers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "user_tasks",
                schema: "bpm",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    instance_id = table.Column<Guid>(type: "uuid", nullable: false),
                    element_id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: true),
                    candidate_groups = table.Column<string[]>(type: "text[]", nullable: false),
                    assignee = table.Column<string>(type: "text", nullable: true),
                    owner = table.Column<string>(type: "text", nullable: true),
                    form_key = table.Column<string>(type: "text", nullable: true),
                    outcomes = table.Column<string[]>(type: "text[]", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    outcome = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_tasks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "process_instances",
                schema: "bpm",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    definition_version_id = table.Column<Guid>(type: "uuid", nullable: false),
                    process_key = table.Column<string>(type: "text", nullable: false),
                    process_version = table.Column<int>(type: "integer", nullable: false),
                    business_key = table.Column<string>(type: "text", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    state = table.Column<string>(type: "jsonb", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    parent_call_id = table.Column<string>(type: "text", nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_process_instances", x => x.id);
                    table.ForeignKey(
                        name: "fk_process_instances_process_definition_versions_definition_ve",
                        column: x => x.definition_version_id,
                        principalSchema: "bpm",
                        principalTable: "process_definition_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
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

            migrationBuilder.CreateIndex(
                name: "ix_history_events_instance_id_id",
                schema: "bpm",
                table: "history_events",
                columns: new[] { "instance_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_incidents_created_at",
                schema: "bpm",
                table: "incidents",
                column: "created_at",
                filter: "resolved_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_incidents_instance_id",
                schema: "bpm",
                table: "incidents",
                column: "instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_jobs_instance_id",
                schema: "bpm",
                table: "jobs",
                column: "instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_jobs_run_at",
                schema: "bpm",
                table: "jobs",
                column: "run_at");

            migrationBuilder.CreateIndex(
                name: "ix_message_subscriptions_instance_id",
                schema: "bpm",
                table: "message_subscriptions",
                column: "instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_message_subscriptions_message_name_correlation_key",
                schema: "bpm",
                table: "message_subscriptions",
                columns: new[] { "message_name", "correlation_key" },
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "ix_process_instances_business_key",
                schema: "bpm",
                table: "process_instances",
                column: "business_key",
                unique: true,
                filter: "business_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_process_instances_definition_version_id",
                schema: "bpm",
                table: "process_instances",
                column: "definition_version_id");

            migrationBuilder.CreateIndex(
                name: "ix_process_instances_process_key_process_version",
                schema: "bpm",
                table: "process_instances",
                columns: new[] { "process_key", "process_version" });

            migrationBuilder.CreateIndex(
                name: "ix_timers_due_at",
                schema: "bpm",
                table: "timers",
                column: "due_at");

            migrationBuilder.CreateIndex(
                name: "ix_timers_instance_id",
                schema: "bpm",
                table: "timers",
                column: "instance_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_tasks_assignee",
                schema: "bpm",
                table: "user_tasks",
                column: "assignee",
                filter: "status = 'open'");

            migrationBuilder.CreateIndex(
                name: "ix_user_tasks_candidate_groups",
                schema: "bpm",
                table: "user_tasks",
                column: "candidate_groups",
                filter: "status = 'open'")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_user_tasks_due_at",
                schema: "bpm",
                table: "user_tasks",
                column: "due_at",
                filter: "status = 'open' AND due_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_user_tasks_instance_id",
                schema: "bpm",
                table: "user_tasks",
                column: "instance_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "called_processes",
                schema: "bpm");

            migrationBuilder.DropTable(
                name: "command_receipts",
                schema: "bpm");

            migrationBuilder.DropTable(
                name: "data_protection_keys",
                schema: "app");

            migrationBuilder.DropTable(
                name: "history_events",
                schema: "bpm");

            migrationBuilder.DropTable(
                name: "incidents",
                schema: "bpm");

            migrationBuilder.DropTable(
                name: "jobs",
                schema: "bpm");

            migrationBuilder.DropTable(
                name: "message_subscriptions",
                schema: "bpm");

            migrationBuilder.DropTable(
                name: "process_instances",
                schema: "bpm");

            migrationBuilder.DropTable(
                name: "timers",
                schema: "bpm");

            migrationBuilder.DropTable(
                name: "user_tasks",
                schema: "bpm");

            migrationBuilder.DropTable(
                name: "process_definition_versions",
                schema: "bpm");
        }
    }
}
