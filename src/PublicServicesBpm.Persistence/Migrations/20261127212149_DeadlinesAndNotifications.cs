using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PublicServicesBpm.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DeadlinesAndNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "sla_check_at",
                schema: "bpm",
                table: "user_tasks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "sla_due_at",
                schema: "bpm",
                table: "user_tasks",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<short>(
                name: "sla_stage",
                schema: "bpm",
                table: "user_tasks",
                type: "smallint",
                nullable: false,
                defaultValue: (short)0);

            migrationBuilder.AddColumn<bool>(
                name: "notified",
                schema: "bpm",
                table: "history_events",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "sla_check_at",
                schema: "app",
                table: "dossiers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "sla_due_at",
                schema: "app",
                table: "dossiers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<short>(
                name: "sla_stage",
                schema: "app",
                table: "dossiers",
                type: "smallint",
                nullable: false,
                defaultValue: (short)0);

            migrationBuilder.AddColumn<bool>(
                name: "notified",
                schema: "app",
                table: "dossier_events",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            // Events before this migration were never meant to be told about (true); new rows, written by the engine's and
            // the dossier projection's own SQL without the column, wait for the notification relay (false).
            migrationBuilder.Sql("ALTER TABLE bpm.history_events ALTER COLUMN notified SET DEFAULT false;");
            migrationBuilder.Sql("ALTER TABLE app.dossier_events ALTER COLUMN notified SET DEFAULT false;");

            migrationBuilder.CreateTable(
                name: "notification_preferences",
                schema: "app",
                columns: table => new
                {
                    recipient_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    recipient_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    email = table.Column<bool>(type: "boolean", nullable: false),
                    sms = table.Column<bool>(type: "boolean", nullable: false),
                    culture = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    muted_events = table.Column<string[]>(type: "text[]", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notification_preferences", x => new { x.recipient_kind, x.recipient_id });
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                schema: "app",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    recipient_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    recipient_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    @event = table.Column<string>(name: "event", type: "character varying(60)", maxLength: 60, nullable: false),
                    culture = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    sms_text = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    dossier_id = table.Column<Guid>(type: "uuid", nullable: true),
                    dedupe_key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    dispatch_state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    pending_channels = table.Column<string[]>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notifications", x => x.id);
                    table.CheckConstraint("ck_notifications_dispatch_state", "dispatch_state IN ('pending', 'done')");
                });

            migrationBuilder.CreateTable(
                name: "delivery_attempts",
                schema: "app",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    notification_id = table.Column<Guid>(type: "uuid", nullable: false),
                    channel = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    attempt = table.Column<int>(type: "integer", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    outcome = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    address = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_delivery_attempts", x => x.id);
                    table.CheckConstraint("ck_delivery_attempts_outcome", "outcome IN ('sent', 'failed', 'gave-up')");
                    table.ForeignKey(
                        name: "fk_delivery_attempts_notifications_notification_id",
                        column: x => x.notification_id,
                        principalSchema: "app",
                        principalTable: "notifications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_user_tasks_sla_check",
                schema: "bpm",
                table: "user_tasks",
                column: "sla_check_at",
                filter: "status = 'open' AND sla_check_at IS NOT NULL AND sla_due_at = due_at");

            migrationBuilder.CreateIndex(
                name: "ix_user_tasks_sla_unseen",
                schema: "bpm",
                table: "user_tasks",
                column: "created_at",
                filter: "status = 'open' AND due_at IS NOT NULL AND sla_due_at IS DISTINCT FROM due_at");

            migrationBuilder.CreateIndex(
                name: "ix_history_events_unnotified_assignments",
                schema: "bpm",
                table: "history_events",
                column: "id",
                filter: "NOT notified AND type IN ('TaskAssigned', 'TaskDelegated')");

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_sla_check",
                schema: "app",
                table: "dossiers",
                column: "sla_check_at",
                filter: "status IN (2, 4) AND sla_check_at IS NOT NULL AND sla_due_at = appointment_at");

            migrationBuilder.CreateIndex(
                name: "ix_dossiers_sla_unseen",
                schema: "app",
                table: "dossiers",
                column: "received_at",
                filter: "status IN (2, 4) AND appointment_at IS NOT NULL AND sla_due_at IS DISTINCT FROM appointment_at");

            migrationBuilder.CreateIndex(
                name: "ix_dossier_events_unnotified",
                schema: "app",
                table: "dossier_events",
                column: "id",
                filter: "NOT notified");

            migrationBuilder.CreateIndex(
                name: "ix_delivery_attempts_at",
                schema: "app",
                table: "delivery_attempts",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_delivery_attempts_notification_id_channel",
                schema: "app",
                table: "delivery_attempts",
                columns: new[] { "notification_id", "channel" });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_dedupe_key",
                schema: "app",
                table: "notifications",
                column: "dedupe_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_notifications_pending",
                schema: "app",
                table: "notifications",
                column: "next_attempt_at",
                filter: "dispatch_state = 'pending'");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_recipient_kind_recipient_id_created_at",
                schema: "app",
                table: "notifications",
                columns: new[] { "recipient_kind", "recipient_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_unread",
                schema: "app",
                table: "notifications",
                columns: new[] { "recipient_kind", "recipient_id" },
                filter: "read_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "delivery_attempts",
                schema: "app");

            migrationBuilder.DropTable(
                name: "notification_preferences",
                schema: "app");

            migrationBuilder.DropTable(
                name: "notifications",
                schema: "app");

            migrationBuilder.DropIndex(
                name: "ix_user_tasks_sla_check",
                schema: "bpm",
                table: "user_tasks");

            migrationBuilder.DropIndex(
                name: "ix_user_tasks_sla_unseen",
                schema: "bpm",
                table: "user_tasks");

            migrationBuilder.DropIndex(
                name: "ix_history_events_unnotified_assignments",
                schema: "bpm",
                table: "history_events");

            migrationBuilder.DropIndex(
                name: "ix_dossiers_sla_check",
                schema: "app",
                table: "dossiers");

            migrationBuilder.DropIndex(
                name: "ix_dossiers_sla_unseen",
                schema: "app",
                table: "dossiers");

            migrationBuilder.DropIndex(
                name: "ix_dossier_events_unnotified",
                schema: "app",
                table: "dossier_events");

            migrationBuilder.DropColumn(
                name: "sla_check_at",
                schema: "bpm",
                table: "user_tasks");

            migrationBuilder.DropColumn(
                name: "sla_due_at",
                schema: "bpm",
                table: "user_tasks");

            migrationBuilder.DropColumn(
                name: "sla_stage",
                schema: "bpm",
                table: "user_tasks");

            migrationBuilder.DropColumn(
                name: "notified",
                schema: "bpm",
                table: "history_events");

            migrationBuilder.DropColumn(
                name: "sla_check_at",
                schema: "app",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "sla_due_at",
                schema: "app",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "sla_stage",
                schema: "app",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "notified",
                schema: "app",
                table: "dossier_events");
        }
    }
}
