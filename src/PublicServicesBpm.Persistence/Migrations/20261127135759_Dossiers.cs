using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PublicServicesBpm.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Dossiers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dossiers",
                schema: "app",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    procedure_code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    procedure_version = table.Column<int>(type: "integer", nullable: false),
                    case_code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    process_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    agency_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    channel = table.Column<short>(type: "smallint", nullable: false),
                    owner_subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    applicant = table.Column<string>(type: "jsonb", nullable: false),
                    form_data = table.Column<string>(type: "jsonb", nullable: false),
                    result_delivery = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    status = table.Column<short>(type: "smallint", nullable: false),
                    sub_status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    lookup_secret = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    process_instance_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    received_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    appointment_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    first_appointment_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    time_limit = table.Column<string>(type: "jsonb", nullable: true),
                    paused_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    paused_working_minutes = table.Column<int>(type: "integer", nullable: false),
                    supplementation_count = table.Column<int>(type: "integer", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    returned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    result = table.Column<string>(type: "jsonb", nullable: true),
                    result_return = table.Column<string>(type: "jsonb", nullable: true),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dossiers", x => x.id);
                    table.CheckConstraint("ck_dossiers_channel", "channel BETWEEN 1 AND 3");
                    table.CheckConstraint("ck_dossiers_result_delivery", "result_delivery IN ('counter', 'post', 'online')");
                    table.CheckConstraint("ck_dossiers_status", "status BETWEEN 0 AND 10");
                    table.ForeignKey(
                        name: "fk_dossiers_agencies_agency_code",
                        column: x => x.agency_code,
                        principalSchema: "app",
                        principalTable: "agencies",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "dossier_apologies",
                schema: "app",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    proposed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    proposed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    unit = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    previous_appointment_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    new_appointment_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    state = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    decided_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dossier_apologies", x => x.id);
                    table.CheckConstraint("ck_dossier_apologies_state", "state IN ('proposed', 'approved', 'rejected')");
                    table.ForeignKey(
                        name: "fk_dossier_apologies_dossiers_dossier_id",
                        column: x => x.dossier_id,
                        principalSchema: "app",
                        principalTable: "dossiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "dossier_components",
                schema: "app",
                columns: table => new
                {
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    component_code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    required = table.Column<bool>(type: "boolean", nullable: false),
                    originals = table.Column<short>(type: "smallint", nullable: false),
                    certified_copies = table.Column<short>(type: "smallint", nullable: false),
                    copies = table.Column<short>(type: "smallint", nullable: false),
                    digitisation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reused_from = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dossier_components", x => new { x.dossier_id, x.component_code });
                    table.CheckConstraint("ck_dossier_components_digitisation", "digitisation IN ('not-digitised', 'digitised', 'reused-component', 'reused-result')");
                    table.ForeignKey(
                        name: "fk_dossier_components_dossiers_dossier_id",
                        column: x => x.dossier_id,
                        principalSchema: "app",
                        principalTable: "dossiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "dossier_events",
                schema: "app",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    status = table.Column<short>(type: "smallint", nullable: true),
                    element_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    actor_subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    actor_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    data = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dossier_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_dossier_events_dossiers_dossier_id",
                        column: x => x.dossier_id,
                        principalSchema: "app",
                        principalTable: "dossiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "dossier_files",
                schema: "app",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    component_code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    uploaded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    round = table.Column<int>(type: "integer", nullable: false),
                    superseded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dossier_files", x => x.id);
                    table.ForeignKey(
                        name: "fk_dossier_files_dossiers_dossier_id",
                        column: x => x.dossier_id,
                        principalSchema: "app",
                        principalTable: "dossiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "dossier_messages",
                schema: "app",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    author_kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    author_subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    author_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dossier_messages", x => x.id);
                    table.CheckConstraint("ck_dossier_messages_author_kind", "author_kind IN ('applicant', 'officer')");
                    table.ForeignKey(
                        name: "fk_dossier_messages_dossiers_dossier_id",
                        column: x => x.dossier_id,
                        principalSchema: "app",
                        principalTable: "dossiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "dossier_payments",
                schema: "app",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,0)", precision: 18, scale: 0, nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    requested_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    paid_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    method = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    receipt_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dossier_payments", x => x.id);
                    table.CheckConstraint("ck_dossier_payments_amount", "amount > 0");
                    table.ForeignKey(
                        name: "fk_dossier_payments_dossiers_dossier_id",
                        column: x => x.dossier_id,
                        principalSchema: "app",
                        principalTable: "dossiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "dossier_supplementations",
                schema: "app",
                columns: table => new
                {
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    round = table.Column<int>(type: "integer", nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    requested_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    items = table.Column<string>(type: "jsonb", nullable: false),
                    guidance = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    supplied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dossier_supplementations", x => new { x.dossier_id, x.round });
                    table.CheckConstraint("ck_dossier_supplementations_state", "state IN ('requested', 'applicant-sent', 'completed')");
                    table.ForeignKey(
                        name: "fk_dossier_supplementations_dossiers_dossier_id",
                        column: x => x.dossier_id,
                        principalSchema: "app",
                        principalTable: "dossiers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_dossier_apologies_dossier_id",
                schema: "app",
                table: "dossier_apologies",
                column: "dossier_id");

            migrationBuilder.CreateIndex(
                name: "ix_dossier_events_dossier_id_id",
                schema: "app",
                table: "dossier_events",
                columns: new[] { "dossier_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_dossier_files_dossier_id_component_code",
                schema: "app",
                table: "dossier_files",
                columns: new[] { "dossier_id", "component_code" });

            migrationBuilder.CreateIndex(
                name: "ix_dossier_messages_dossier_id_at",
                schema: "app",
                table: "dossier_messages",
                columns: new[] { "dossier_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_dossier_payments_dossier_id",
                schema: "app",
                table: "dossier_payments",
                column: "dossier_id");

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_agency_code_status_created_at",
                schema: "app",
                table: "dossiers",
                columns: new[] { "agency_code", "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_code",
                schema: "app",
                table: "dossiers",
                column: "code",
                unique: true,
                filter: "code IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_open_appointment",
                schema: "app",
                table: "dossiers",
                column: "appointment_at",
                filter: "status IN (2, 4, 5, 6, 7) AND appointment_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_owner_subject_created_at",
                schema: "app",
                table: "dossiers",
                columns: new[] { "owner_subject", "created_at" },
                filter: "owner_subject IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_process_instance_id",
                schema: "app",
                table: "dossiers",
                column: "process_instance_id",
                unique: true,
                filter: "process_instance_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dossier_apologies",
                schema: "app");

            migrationBuilder.DropTable(
                name: "dossier_components",
                schema: "app");

            migrationBuilder.DropTable(
                name: "dossier_events",
                schema: "app");

            migrationBuilder.DropTable(
                name: "dossier_files",
                schema: "app");

            migrationBuilder.DropTable(
                name: "dossier_messages",
                schema: "app");

            migrationBuilder.DropTable(
                name: "dossier_payments",
                schema: "app");

            migrationBuilder.DropTable(
                name: "dossier_supplementations",
                schema: "app");

            migrationBuilder.DropTable(
                name: "dossiers",
                schema: "app");
        }
    }
}
