using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;
using PublicServicesBpm.Persistence.Catalogue;

namespace PublicServicesBpm.Persistence.Configurations;

/// <summary>What every shared-catalogue period table has: code, validity, names, who recorded it.</summary>
internal static class CataloguePeriodColumns
{
    public static void Configure<T>(EntityTypeBuilder<T> builder, string table)
        where T : CataloguePeriod
    {
        builder.ToTable(table, t => t.HasCheckConstraint("ck_" + table + "_period", "valid_until IS NULL OR valid_until > valid_from"));
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Code).HasMaxLength(32);
        builder.Property(p => p.Name).HasMaxLength(300);
        builder.Property(p => p.NameEn).HasMaxLength(300);
        builder.Property(p => p.RecordedBy).HasMaxLength(200);
        // One period per code and start day; overlaps are refused by the catalogue service before saving.
        builder.HasIndex(p => new { p.Code, p.ValidFrom }).IsUnique();
    }
}

internal sealed class SectorPeriodConfiguration : IEntityTypeConfiguration<SectorPeriod>
{
    public void Configure(EntityTypeBuilder<SectorPeriod> builder) => CataloguePeriodColumns.Configure(builder, "sectors");
}

internal sealed class DocumentTypePeriodConfiguration : IEntityTypeConfiguration<DocumentTypePeriod>
{
    public void Configure(EntityTypeBuilder<DocumentTypePeriod> builder) => CataloguePeriodColumns.Configure(builder, "document_types");
}

internal sealed class AdministrativeUnitPeriodConfiguration : IEntityTypeConfiguration<AdministrativeUnitPeriod>
{
    public void Configure(EntityTypeBuilder<AdministrativeUnitPeriod> builder)
    {
        CataloguePeriodColumns.Configure(builder, "administrative_units");
        builder.Property(p => p.Level).HasMaxLength(20);
        builder.Property(p => p.ParentCode).HasMaxLength(32);
        builder.HasIndex(p => p.ParentCode);
    }
}

internal sealed class AgencyPeriodConfiguration : IEntityTypeConfiguration<AgencyPeriod>
{
    public void Configure(EntityTypeBuilder<AgencyPeriod> builder)
    {
        CataloguePeriodColumns.Configure(builder, "agency_periods");
        builder.Property(p => p.ParentCode).HasMaxLength(32);
        builder.Property(p => p.AdministrativeLevel).HasMaxLength(20);
        builder.Property(p => p.ProvinceCode).HasMaxLength(8);
        builder.Property(p => p.Address).HasMaxLength(500);
        builder.HasOne<Identity.Agency>().WithMany().HasForeignKey(p => p.Code).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProcedureConfiguration : IEntityTypeConfiguration<Procedure>
{
    public void Configure(EntityTypeBuilder<Procedure> builder)
    {
        builder.ToTable("procedures");
        builder.HasKey(p => p.Key);
        builder.Property(p => p.Key).HasMaxLength(200);
        builder.Property(p => p.NationalCode).HasMaxLength(32);
        builder.HasIndex(p => p.NationalCode);
    }
}

internal sealed class ProcedureVersionConfiguration : IEntityTypeConfiguration<ProcedureVersion>
{
    /// <summary>Shadow property of the generated column <c>search_vector</c>: only SQL (<see cref="ProcedureSearch"/>) reads it.</summary>
    public const string SearchVectorProperty = "SearchVector";

    public void Configure(EntityTypeBuilder<ProcedureVersion> builder)
    {
        builder.ToTable("procedure_versions", t => t.HasCheckConstraint("ck_procedure_versions_status", "status IN ('draft', 'published', 'withdrawn')"));
        builder.HasKey(v => v.Id);
        builder.Property(v => v.ProcedureKey).HasMaxLength(200);
        builder.Property(v => v.Status).HasMaxLength(20);
        builder.Property(v => v.NationalCode).HasMaxLength(32);
        builder.Property(v => v.Name).HasMaxLength(1000);
        builder.Property(v => v.NameEn).HasMaxLength(1000);
        builder.Property(v => v.SectorCode).HasMaxLength(32);
        builder.Property(v => v.Level).HasMaxLength(20);
        builder.Property(v => v.OnlineLevel).HasMaxLength(20);
        builder.Property(v => v.Result).HasMaxLength(2000);
        builder.Property(v => v.PublicationDecision).HasMaxLength(1000);
        builder.Property(v => v.Cases).HasColumnType("jsonb");
        builder.Property(v => v.Document).HasColumnType("jsonb");
        builder.Property(v => v.ContentHash).HasMaxLength(64).IsFixedLength();
        builder.Property(v => v.CreatedBy).HasMaxLength(200);
        builder.Property(v => v.PublishedBy).HasMaxLength(200);
        builder.Property(v => v.WithdrawnBy).HasMaxLength(200);
        builder.HasIndex(v => new { v.ProcedureKey, v.Version }).IsUnique();
        builder.HasIndex(v => new { v.ProcedureKey, v.ContentHash });
        // "The version in force": published rows of one procedure by start date.
        builder.HasIndex(v => new { v.ProcedureKey, v.EffectiveFrom }).HasFilter("status = 'published'");
        // Diacritic-free search (docs/catalogue.md): the words of the folded text as a tsvector, computed by the database so
        // every writer (EF, COPY) gets it; its GIN index finds the versions holding every query word (w1 & w2 & w3:*).
        builder.Property<NpgsqlTsVector>(SearchVectorProperty).HasColumnName("search_vector")
            .HasComputedColumnSql("to_tsvector('simple', search_text)", stored: true);
        builder.HasIndex(SearchVectorProperty).HasMethod("gin").HasFilter("status = 'published'").HasDatabaseName("ix_procedure_versions_search_vector");
        // The search's "in force" check probes for a later version only for procedures having a published version above 1 (few).
        builder.HasIndex(v => v.ProcedureKey).HasFilter("status = 'published' AND version > 1").HasDatabaseName("ix_procedure_versions_later_published");
        builder.HasOne<Procedure>().WithMany().HasForeignKey(v => v.ProcedureKey).OnDelete(DeleteBehavior.Restrict);
    }
}
