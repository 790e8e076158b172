using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PublicServicesBpm.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Catalogues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Trigram indexes of the diacritic-free procedure search (docs/catalogue.md); ships with PostgreSQL.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");

            migrationBuilder.AddColumn<string>(
                name: "form_versions",
                schema: "bpm",
                table: "process_definition_versions",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'{}'::jsonb");

            migrationBuilder.AddColumn<string>(
                name: "address",
                schema: "app",
                table: "agencies",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "administrative_level",
                schema: "app",
                table: "agencies",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "dissolved_on",
                schema: "app",
                table: "agencies",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string[]>(
                name: "saturday_hours",
                schema: "app",
                table: "agencies",
                type: "text[]",
                nullable: true);

            migrationBuilder.AddColumn<string[]>(
                name: "weekday_hours",
                schema: "app",
                table: "agencies",
                type: "text[]",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "administrative_units",
                schema: "app",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    parent_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_until = table.Column<DateOnly>(type: "date", nullable: true),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    name_en = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_administrative_units", x => x.id);
                    table.CheckConstraint("ck_administrative_units_period", "valid_until IS NULL OR valid_until > valid_from");
                });

            migrationBuilder.CreateTable(
                name: "agency_periods",
                schema: "app",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    parent_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    administrative_level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    province_code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    weekday_hours = table.Column<string[]>(type: "text[]", nullable: false),
                    saturday_hours = table.Column<string[]>(type: "text[]", nullable: false),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_until = table.Column<DateOnly>(type: "date", nullable: true),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    name_en = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agency_periods", x => x.id);
                    table.CheckConstraint("ck_agency_periods_period", "valid_until IS NULL OR valid_until > valid_from");
                    table.ForeignKey(
                        name: "fk_agency_periods_agencies_code",
                        column: x => x.code,
                        principalSchema: "app",
                        principalTable: "agencies",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "calendar_adjustments",
                schema: "app",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name_vi = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name_en = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    withdrawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    withdrawn_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    withdrawal_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_adjustments", x => x.id);
                    table.CheckConstraint("ck_calendar_adjustments_kind", "kind IN ('day-off', 'working-day')");
                    table.ForeignKey(
                        name: "fk_calendar_adjustments_agencies_agency_code",
                        column: x => x.agency_code,
                        principalSchema: "app",
                        principalTable: "agencies",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "document_types",
                schema: "app",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_until = table.Column<DateOnly>(type: "date", nullable: true),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    name_en = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_document_types", x => x.id);
                    table.CheckConstraint("ck_document_types_period", "valid_until IS NULL OR valid_until > valid_from");
                });

            migrationBuilder.CreateTable(
                name: "form_versions",
                schema: "bpm",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    form_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    content_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    schema = table.Column<string>(type: "jsonb", nullable: false),
                    deployed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    deployed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_form_versions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "procedures",
                schema: "app",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    national_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_procedures", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "sectors",
                schema: "app",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_until = table.Column<DateOnly>(type: "date", nullable: true),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    name_en = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sectors", x => x.id);
                    table.CheckConstraint("ck_sectors_period", "valid_until IS NULL OR valid_until > valid_from");
                });

            migrationBuilder.CreateTable(
                name: "procedure_versions",
                schema: "app",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    procedure_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    national_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    name_en = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    sector_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    online_level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    agency_codes = table.Column<string[]>(type: "text[]", nullable: false),
                    legal_basis = table.Column<string[]>(type: "text[]", nullable: false),
                    result = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    publication_decision = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    restart_time_limit_after_supplement = table.Column<bool>(type: "boolean", nullable: false),
                    cases = table.Column<string>(type: "jsonb", nullable: false),
                    document = table.Column<string>(type: "jsonb", nullable: false),
                    content_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    search_name = table.Column<string>(type: "text", nullable: false),
                    search_text = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    published_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    withdrawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    withdrawn_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_procedure_versions", x => x.id);
                    table.CheckConstraint("ck_procedure_versions_status", "status IN ('draft', 'published', 'withdrawn')");
                    table.ForeignKey(
                        name: "fk_procedure_versions_procedures_procedure_key",
                        column: x => x.procedure_key,
                        principalSchema: "app",
                        principalTable: "procedures",
                        principalColumn: "key",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_administrative_units_code_valid_from",
                schema: "app",
                table: "administrative_units",
                columns: new[] { "code", "valid_from" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_administrative_units_parent_code",
                schema: "app",
                table: "administrative_units",
                column: "parent_code");

            migrationBuilder.CreateIndex(
                name: "ix_agency_periods_code_valid_from",
                schema: "app",
                table: "agency_periods",
                columns: new[] { "code", "valid_from" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_calendar_adjustments_agency_code_date",
                schema: "app",
                table: "calendar_adjustments",
                columns: new[] { "agency_code", "date" },
                unique: true,
                filter: "withdrawn_at IS NULL")
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_document_types_code_valid_from",
                schema: "app",
                table: "document_types",
                columns: new[] { "code", "valid_from" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_form_versions_form_key_content_hash",
                schema: "bpm",
                table: "form_versions",
                columns: new[] { "form_key", "content_hash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_form_versions_form_key_version",
                schema: "bpm",
                table: "form_versions",
                columns: new[] { "form_key", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_procedure_versions_procedure_key_content_hash",
                schema: "app",
                table: "procedure_versions",
                columns: new[] { "procedure_key", "content_hash" });

            migrationBuilder.CreateIndex(
                name: "ix_procedure_versions_procedure_key_effective_from",
                schema: "app",
                table: "procedure_versions",
                columns: new[] { "procedure_key", "effective_from" },
                filter: "status = 'published'");

            migrationBuilder.CreateIndex(
                name: "ix_procedure_versions_procedure_key_version",
                schema: "app",
                table: "procedure_versions",
                columns: new[] { "procedure_key", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_procedure_versions_search_name",
                schema: "app",
                table: "procedure_versions",
                column: "search_name",
                filter: "status = 'published'")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_procedure_versions_search_text",
                schema: "app",
                table: "procedure_versions",
                column: "search_text",
                filter: "status = 'published'")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_procedures_national_code",
                schema: "app",
                table: "procedures",
                column: "national_code");

            migrationBuilder.CreateIndex(
                name: "ix_sectors_code_valid_from",
                schema: "app",
                table: "sectors",
                columns: new[] { "code", "valid_from" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "administrative_units",
                schema: "app");

            migrationBuilder.DropTable(
                name: "agency_periods",
                schema: "app");

            migrationBuilder.DropTable(
                name: "calendar_adjustments",
                schema: "app");

            migrationBuilder.DropTable(
                name: "document_types",
                schema: "app");

            migrationBuilder.DropTable(
                name: "form_versions",
                schema: "bpm");

            migrationBuilder.DropTable(
                name: "procedure_versions",
                schema: "app");

            migrationBuilder.DropTable(
                name: "sectors",
                schema: "app");

            migrationBuilder.DropTable(
                name: "procedures",
                schema: "app");

            migrationBuilder.DropColumn(
                name: "form_versions",
                schema: "bpm",
                table: "process_definition_versions");

            migrationBuilder.DropColumn(
                name: "address",
                schema: "app",
                table: "agencies");

            migrationBuilder.DropColumn(
                name: "administrative_level",
                schema: "app",
                table: "agencies");

            migrationBuilder.DropColumn(
                name: "dissolved_on",
                schema: "app",
                table: "agencies");

            migrationBuilder.DropColumn(
                name: "saturday_hours",
                schema: "app",
                table: "agencies");

            migrationBuilder.DropColumn(
                name: "weekday_hours",
                schema: "app",
                table: "agencies");
        }
    }
}
