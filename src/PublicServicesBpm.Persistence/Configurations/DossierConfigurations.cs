using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PublicServicesBpm.Persistence.Dossiers;
using PublicServicesBpm.Persistence.Identity;

namespace PublicServicesBpm.Persistence.Configurations;

internal sealed class DossierConfiguration : IEntityTypeConfiguration<DossierRecord>
{
    public void Configure(EntityTypeBuilder<DossierRecord> builder)
    {
        builder.ToTable("dossiers", t =>
        {
            t.HasCheckConstraint("ck_dossiers_status", "status BETWEEN 0 AND 10");
            t.HasCheckConstraint("ck_dossiers_channel", "channel BETWEEN 1 AND 3");
            t.HasCheckConstraint("ck_dossiers_result_delivery", "result_delivery IN ('counter', 'post', 'online')");
        });
        builder.HasKey(d => d.Id);
        builder.Property(d => d.ProcedureCode).HasMaxLength(100);
        builder.Property(d => d.CaseCode).HasMaxLength(100);
        builder.Property(d => d.ProcessKey).HasMaxLength(200);
        builder.Property(d => d.AgencyCode).HasMaxLength(32);
        builder.Property(d => d.OwnerSubject).HasMaxLength(200);
        builder.Property(d => d.CreatedBy).HasMaxLength(200);
        builder.Property(d => d.ReceivedBy).HasMaxLength(200);
        builder.Property(d => d.Applicant).HasColumnType("jsonb");
        builder.Property(d => d.FormData).HasColumnType("jsonb");
        builder.Property(d => d.TimeLimit).HasColumnType("jsonb");
        builder.Property(d => d.Result).HasColumnType("jsonb");
        builder.Property(d => d.ResultReturn).HasColumnType("jsonb");
        builder.Property(d => d.ResultDelivery).HasMaxLength(10);
        builder.Property(d => d.SubStatus).HasMaxLength(40);
        builder.Property(d => d.Code).HasMaxLength(40);
        builder.Property(d => d.LookupSecret).HasMaxLength(16);
        builder.Property(d => d.Reason).HasMaxLength(2000);
        builder.HasIndex(d => d.Code).IsUnique().HasFilter("code IS NOT NULL");
        builder.HasIndex(d => d.ProcessInstanceId).IsUnique().HasFilter("process_instance_id IS NOT NULL");
        builder.HasIndex(d => new { d.OwnerSubject, d.CreatedAt }).HasFilter("owner_subject IS NOT NULL");
        builder.HasIndex(d => new { d.AgencyCode, d.Status, d.CreatedAt });
        // Open dossiers by appointment: the deadline monitor reads only those near their appointment.
        builder.HasIndex(d => d.AppointmentAt).HasFilter("status IN (2, 4, 5, 6, 7) AND appointment_at IS NOT NULL").HasDatabaseName("ix_dossiers_open_appointment");
        // The deadline monitor: dossiers whose clock runs (received, processing) and whose appointment it has not seen, and
        // the next threshold of the ones it watches.
        builder.HasIndex(d => d.ReceivedAt).HasFilter("status IN (2, 4) AND appointment_at IS NOT NULL AND sla_due_at IS DISTINCT FROM appointment_at")
            .HasDatabaseName("ix_dossiers_sla_unseen");
        builder.HasIndex(d => d.SlaCheckAt).HasFilter("status IN (2, 4) AND sla_check_at IS NOT NULL AND sla_due_at = appointment_at")
            .HasDatabaseName("ix_dossiers_sla_check");
        builder.HasOne<Agency>().WithMany().HasForeignKey(d => d.AgencyCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DossierComponentConfiguration : IEntityTypeConfiguration<DossierComponentRecord>
{
    public void Configure(EntityTypeBuilder<DossierComponentRecord> builder)
    {
        builder.ToTable("dossier_components", t => t.HasCheckConstraint("ck_dossier_components_digitisation",
            "digitisation IN ('not-digitised', 'digitised', 'reused-component', 'reused-result')"));
        builder.HasKey(c => new { c.DossierId, c.ComponentCode });
        builder.Property(c => c.ComponentCode).HasMaxLength(100);
        builder.Property(c => c.Name).HasMaxLength(1000);
        builder.Property(c => c.Digitisation).HasMaxLength(20);
        builder.Property(c => c.ReusedFrom).HasMaxLength(200);
        builder.HasOne<DossierRecord>().WithMany().HasForeignKey(c => c.DossierId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DossierFileConfiguration : IEntityTypeConfiguration<DossierFileRecord>
{
    public void Configure(EntityTypeBuilder<DossierFileRecord> builder)
    {
        builder.ToTable("dossier_files");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.ComponentCode).HasMaxLength(100);
        builder.Property(f => f.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(f => f.FileName).HasMaxLength(255);
        builder.Property(f => f.ContentType).HasMaxLength(100);
        builder.Property(f => f.UploadedBy).HasMaxLength(200);
        builder.HasIndex(f => new { f.DossierId, f.ComponentCode });
        builder.HasOne<DossierRecord>().WithMany().HasForeignKey(f => f.DossierId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DossierEventConfiguration : IEntityTypeConfiguration<DossierEventRecord>
{
    public void Configure(EntityTypeBuilder<DossierEventRecord> builder)
    {
        builder.ToTable("dossier_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        builder.Property(e => e.Kind).HasMaxLength(40);
        builder.Property(e => e.ElementId).HasMaxLength(200);
        builder.Property(e => e.ActorSubject).HasMaxLength(200);
        builder.Property(e => e.ActorName).HasMaxLength(200);
        builder.Property(e => e.Data).HasColumnType("jsonb");
        builder.HasIndex(e => e.Id).HasFilter("NOT notified").HasDatabaseName("ix_dossier_events_unnotified");
        builder.HasIndex(e => new { e.DossierId, e.Id });
        builder.HasOne<DossierRecord>().WithMany().HasForeignKey(e => e.DossierId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DossierSupplementationConfiguration : IEntityTypeConfiguration<DossierSupplementationRecord>
{
    public void Configure(EntityTypeBuilder<DossierSupplementationRecord> builder)
    {
        builder.ToTable("dossier_supplementations", t => t.HasCheckConstraint("ck_dossier_supplementations_state", "state IN ('requested', 'applicant-sent', 'completed')"));
        builder.HasKey(s => new { s.DossierId, s.Round });
        builder.Property(s => s.RequestedBy).HasMaxLength(200);
        builder.Property(s => s.Items).HasColumnType("jsonb");
        builder.Property(s => s.Guidance).HasMaxLength(2000);
        builder.Property(s => s.State).HasMaxLength(20);
        builder.HasOne<DossierRecord>().WithMany().HasForeignKey(s => s.DossierId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DossierPaymentConfiguration : IEntityTypeConfiguration<DossierPaymentRecord>
{
    public void Configure(EntityTypeBuilder<DossierPaymentRecord> builder)
    {
        builder.ToTable("dossier_payments", t => t.HasCheckConstraint("ck_dossier_payments_amount", "amount > 0"));
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Amount).HasPrecision(18, 0);
        builder.Property(p => p.Description).HasMaxLength(500);
        builder.Property(p => p.RequestedBy).HasMaxLength(200);
        builder.Property(p => p.Method).HasMaxLength(20);
        builder.Property(p => p.ReceiptNumber).HasMaxLength(100);
        builder.Property(p => p.RecordedBy).HasMaxLength(200);
        builder.HasIndex(p => p.DossierId);
        builder.HasOne<DossierRecord>().WithMany().HasForeignKey(p => p.DossierId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DossierMessageConfiguration : IEntityTypeConfiguration<DossierMessageRecord>
{
    public void Configure(EntityTypeBuilder<DossierMessageRecord> builder)
    {
        builder.ToTable("dossier_messages", t => t.HasCheckConstraint("ck_dossier_messages_author_kind", "author_kind IN ('applicant', 'officer')"));
        builder.HasKey(m => m.Id);
        builder.Property(m => m.AuthorKind).HasMaxLength(10);
        builder.Property(m => m.AuthorSubject).HasMaxLength(200);
        builder.Property(m => m.AuthorName).HasMaxLength(200);
        builder.Property(m => m.Body).HasMaxLength(4000);
        builder.HasIndex(m => new { m.DossierId, m.At });
        builder.HasOne<DossierRecord>().WithMany().HasForeignKey(m => m.DossierId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DossierApologyConfiguration : IEntityTypeConfiguration<DossierApologyRecord>
{
    public void Configure(EntityTypeBuilder<DossierApologyRecord> builder)
    {
        builder.ToTable("dossier_apologies", t => t.HasCheckConstraint("ck_dossier_apologies_state", "state IN ('proposed', 'approved', 'rejected')"));
        builder.HasKey(a => a.Id);
        builder.Property(a => a.ProposedBy).HasMaxLength(200);
        builder.Property(a => a.Unit).HasMaxLength(300);
        builder.Property(a => a.Reason).HasMaxLength(2000);
        builder.Property(a => a.State).HasMaxLength(10);
        builder.Property(a => a.DecidedBy).HasMaxLength(200);
        builder.HasIndex(a => a.DossierId);
        builder.HasOne<DossierRecord>().WithMany().HasForeignKey(a => a.DossierId).OnDelete(DeleteBehavior.Cascade);
    }
}
