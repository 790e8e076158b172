using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PublicServicesBpm.Persistence.Engine;

namespace PublicServicesBpm.Persistence.Configurations;

internal sealed class ProcessDefinitionVersionConfiguration : IEntityTypeConfiguration<ProcessDefinitionVersion>
{
    public void Configure(EntityTypeBuilder<ProcessDefinitionVersion> builder)
    {
        builder.ToTable("process_definition_versions", AppDbContext.EngineSchema);
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Key).HasMaxLength(200);
        builder.Property(v => v.Name).HasMaxLength(500);
        builder.Property(v => v.ContentHash).HasMaxLength(64).IsFixedLength();
        builder.Property(v => v.DeployedBy).HasMaxLength(200);
        builder.Property(v => v.FormVersions).HasColumnType("jsonb").HasDefaultValueSql("'{}'::jsonb");
        builder.HasIndex(v => new { v.Key, v.Version }).IsUnique();
        builder.HasIndex(v => new { v.Key, v.ContentHash });
    }
}
