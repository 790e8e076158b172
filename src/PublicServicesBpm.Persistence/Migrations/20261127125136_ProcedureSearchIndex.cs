using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace PublicServicesBpm.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ProcedureSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_procedure_versions_search_name",
                schema: "app",
                table: "procedure_versions");

            migrationBuilder.DropIndex(
                name: "ix_procedure_versions_search_text",
                schema: "app",
                table: "procedure_versions");

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                schema: "app",
                table: "procedure_versions",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "to_tsvector('simple', search_text)",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_procedure_versions_later_published",
                schema: "app",
                table: "procedure_versions",
                column: "procedure_key",
                filter: "status = 'published' AND version > 1");

            migrationBuilder.CreateIndex(
                name: "ix_procedure_versions_search_vector",
                schema: "app",
                table: "procedure_versions",
                column: "search_vector",
                filter: "status = 'published'")
                .Annotation("Npgsql:IndexMethod", "gin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_procedure_versions_later_published",
                schema: "app",
                table: "procedure_versions");

            migrationBuilder.DropIndex(
                name: "ix_procedure_versions_search_vector",
                schema: "app",
                table: "procedure_versions");

            migrationBuilder.DropColumn(
                name: "search_vector",
                schema: "app",
                table: "procedure_versions");

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
        }
    }
}
