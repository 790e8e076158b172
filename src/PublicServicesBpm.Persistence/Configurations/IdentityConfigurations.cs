using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PublicServicesBpm.Persistence.Audit;
using PublicServicesBpm.Persistence.Identity;

namespace PublicServicesBpm.Persistence.Configurations;

internal sealed class OfficerAccountConfiguration : IEntityTypeConfiguration<OfficerAccount>
{
    public void Configure(EntityTypeBuilder<OfficerAccount> builder)
    {
        builder.ToTable("officer_accounts");
        builder.Property(a => a.FullName).HasMaxLength(200);
    }
}

internal sealed class RoleGrantConfiguration : IEntityTypeConfiguration<RoleGrant>
{
    public void Configure(EntityTypeBuilder<RoleGrant> builder)
    {
        builder.ToTable("role_grants");
        builder.Property(g => g.AgencyCode).HasMaxLength(32);
        builder.Property(g => g.Role).HasMaxLength(40);
        builder.Property(g => g.RevocationReason).HasMaxLength(500);
        builder.HasIndex(g => g.AccountId);
        builder.HasIndex(g => new { g.AgencyCode, g.Role }).HasFilter("revoked_at IS NULL");
        builder.HasOne<OfficerAccount>().WithMany().HasForeignKey(g => g.AccountId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(g => g.AgencyCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.ToTable("agencies");
        builder.HasKey(a => a.Code);
        builder.Property(a => a.Code).HasMaxLength(32);
        builder.Property(a => a.Name).HasMaxLength(300);
        builder.Property(a => a.ParentCode).HasMaxLength(32);
        builder.Property(a => a.ProvinceCode).HasMaxLength(8);
        builder.Property(a => a.AdministrativeLevel).HasMaxLength(20);
        builder.Property(a => a.Address).HasMaxLength(500);
        builder.HasOne<Agency>().WithMany().HasForeignKey(a => a.ParentCode).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ApplicantProfileConfiguration : IEntityTypeConfiguration<ApplicantProfile>
{
    public void Configure(EntityTypeBuilder<ApplicantProfile> builder)
    {
        builder.ToTable("applicant_profiles");
        builder.Property(p => p.Issuer).HasMaxLength(300);
        builder.Property(p => p.Subject).HasMaxLength(200);
        builder.Property(p => p.AccountType).HasMaxLength(20);
        builder.Property(p => p.PersonalIdNumber).HasMaxLength(12);
        builder.Property(p => p.FullName).HasMaxLength(200);
        builder.Property(p => p.Gender).HasMaxLength(10);
        builder.Property(p => p.PhoneNumber).HasMaxLength(20);
        builder.Property(p => p.Email).HasMaxLength(256);
        builder.Property(p => p.Address).HasMaxLength(500);
        builder.HasIndex(p => new { p.Issuer, p.Subject }).IsUnique();
        builder.HasIndex(p => p.PersonalIdNumber);
    }
}

internal sealed class CitizenAccountConfiguration : IEntityTypeConfiguration<CitizenAccount>
{
    public void Configure(EntityTypeBuilder<CitizenAccount> builder)
    {
        builder.ToTable("citizen_accounts", AppDbContext.DevelopmentIdentityProviderSchema);
        builder.Property(c => c.Subject).HasMaxLength(64);
        builder.Property(c => c.PersonalIdNumber).HasMaxLength(12);
        builder.Property(c => c.FullName).HasMaxLength(200);
        builder.Property(c => c.Gender).HasMaxLength(10);
        builder.Property(c => c.PhoneNumber).HasMaxLength(20);
        builder.Property(c => c.Email).HasMaxLength(256);
        builder.Property(c => c.Address).HasMaxLength(500);
        builder.HasIndex(c => c.Subject).IsUnique();
        builder.HasIndex(c => c.PersonalIdNumber).IsUnique();
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_log");
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.Property(e => e.ActorKind).HasMaxLength(20);
        builder.Property(e => e.ActorId).HasMaxLength(200);
        builder.Property(e => e.ActorName).HasMaxLength(200);
        builder.Property(e => e.Action).HasMaxLength(100);
        builder.Property(e => e.TargetType).HasMaxLength(100);
        builder.Property(e => e.TargetId).HasMaxLength(200);
        builder.Property(e => e.IpAddress).HasMaxLength(64);
        builder.Property(e => e.UserAgent).HasMaxLength(512);
        builder.Property(e => e.Outcome).HasMaxLength(20);
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.ActorId, e.At });
        builder.HasIndex(e => e.DossierId).HasFilter("dossier_id IS NOT NULL");
        // "Everything done to this person / record" and the per-action statistics.
        builder.HasIndex(e => new { e.TargetType, e.TargetId });
        builder.HasIndex(e => new { e.Action, e.At });
    }
}

internal sealed class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> builder)
    {
        builder.ToTable("audit_chain_head");
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.HasData(new AuditChainHead { Id = 1, LastSequence = 0, LastHash = new byte[32] });
    }
}

/// <summary>Identity's own tables, renamed for officers (citizens sign in elsewhere: see <see cref="ApplicantProfile"/>).</summary>
internal static class IdentityTableNames
{
    public static void Apply(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<IdentityUserClaim<Guid>>().ToTable("officer_claims");
        modelBuilder.Entity<IdentityUserLogin<Guid>>().ToTable("officer_logins");
        modelBuilder.Entity<IdentityUserToken<Guid>>().ToTable("officer_tokens");
        if (modelBuilder.Model.FindEntityType(typeof(IdentityUserPasskey<Guid>)) is not null)
        {
            modelBuilder.Entity<IdentityUserPasskey<Guid>>().ToTable("officer_passkeys");
        }
    }
}
