using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PublicServicesBpm.Persistence.Designer;

namespace PublicServicesBpm.Persistence.Configurations;

internal sealed class DesignerDraftConfiguration : IEntityTypeConfiguration<DesignerDraft>
{
    public void Configure(EntityTypeBuilder<DesignerDraft> builder)
    {
        builder.ToTable("designer_drafts", AppDbContext.EngineSchema,
            t => t.HasCheckConstraint("ck_designer_drafts_kind", $"kind IN ('{DesignerDraft.WorkflowKind}', '{DesignerDraft.FormKind}')"));
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Kind).HasMaxLength(20);
        builder.Property(d => d.Key).HasMaxLength(200);
        builder.Property(d => d.CreatedBy).HasMaxLength(200);
        builder.Property(d => d.UpdatedBy).HasMaxLength(200);
        builder.Property(d => d.Revision).IsConcurrencyToken();
        builder.HasIndex(d => new { d.Kind, d.Key }).IsUnique();
    }
}
