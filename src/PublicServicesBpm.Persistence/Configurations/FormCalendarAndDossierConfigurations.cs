using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PublicServicesBpm.Persistence.Calendar;
using PublicServicesBpm.Persistence.Dossiers;
using PublicServicesBpm.Persistence.Forms;
using PublicServicesBpm.Persistence.Identity;

namespace PublicServicesBpm.Persistence.Configurations;

internal sealed class FormVersionConfiguration : IEntityTypeConfiguration<FormVersion>
{
    public void Configure(EntityTypeBuilder<FormVersion> builder)
    {
        builder.ToTable("form_versions", AppDbContext.EngineSchema);
        builder.HasKey(f => f.Id);
        builder.Property(f => f.FormKey).HasMaxLength(200);
        builder.Property(f => f.ContentHash).HasMaxLength(64).IsFixedLength();
        builder.Property(f => f.Schema).HasColumnType("jsonb");
        builder.Property(f => f.DeployedBy).HasMaxLength(200);
        builder.HasIndex(f => new { f.FormKey, f.Version }).IsUnique();
        builder.HasIndex(f => new { f.FormKey, f.ContentHash }).IsUnique();
    }
}

internal sealed class CalendarAdjustmentConfiguration : IEntityTypeConfiguration<CalendarAdjustmentRecord>
{
    public void Configure(EntityTypeBuilder<CalendarAdjustmentRecord> builder)
    {
        builder.ToTable("calendar_adjustments", t => t.HasCheckConstraint("ck_calendar_adjustments_kind", "kind IN ('day-off', 'working-day')"));
        builder.HasKey(a => a.Id);
        builder.Property(a => a.AgencyCode).HasMaxLength(32);
        builder.Property(a => a.Kind).HasMaxLength(20);
        builder.Property(a => a.NameVi).HasMaxLength(200);
        builder.Property(a => a.NameEn).HasMaxLength(200);
        builder.Property(a => a.RecordedBy).HasMaxLength(200);
        builder.Property(a => a.WithdrawnBy).HasMaxLength(200);
        builder.Property(a => a.WithdrawalReason).HasMaxLength(500);
        // One standing adjustment per date and agency (null agency = national); withdrawn rows stay as history.
        builder.HasIndex(a => new { a.AgencyCode, a.Date }).IsUnique().HasFilter("withdrawn_at IS NULL").AreNullsDistinct(false);
        builder.HasOne<Agency>().WithMany().HasForeignKey(a => a.AgencyCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DossierCodeSequenceConfiguration : IEntityTypeConfiguration<DossierCodeSequence>
{
    public void Configure(EntityTypeBuilder<DossierCodeSequence> builder)
    {
        builder.ToTable("dossier_code_sequences");
        builder.HasKey(s => new { s.AgencyCode, s.Day });
        builder.Property(s => s.AgencyCode).HasMaxLength(32);
        builder.HasOne<Agency>().WithMany().HasForeignKey(s => s.AgencyCode).OnDelete(DeleteBehavior.Restrict);
    }
}
