using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PublicServicesBpm.Persistence.Notifications;

namespace PublicServicesBpm.Persistence.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<NotificationRecord>
{
    public void Configure(EntityTypeBuilder<NotificationRecord> builder)
    {
        builder.ToTable("notifications", t => t.HasCheckConstraint("ck_notifications_dispatch_state", "dispatch_state IN ('pending', 'done')"));
        builder.HasKey(n => n.Id);
        builder.Property(n => n.RecipientKind).HasMaxLength(20);
        builder.Property(n => n.RecipientId).HasMaxLength(200);
        builder.Property(n => n.Event).HasMaxLength(60);
        builder.Property(n => n.Culture).HasMaxLength(10);
        builder.Property(n => n.Subject).HasMaxLength(300);
        builder.Property(n => n.Body).HasMaxLength(4000);
        builder.Property(n => n.SmsText).HasMaxLength(400);
        builder.Property(n => n.Link).HasMaxLength(500);
        builder.Property(n => n.DedupeKey).HasMaxLength(300);
        builder.Property(n => n.DispatchState).HasMaxLength(20);
        builder.Property(n => n.Email).HasMaxLength(320);
        builder.Property(n => n.Phone).HasMaxLength(32);
        builder.HasIndex(n => n.DedupeKey).IsUnique();
        builder.HasIndex(n => new { n.RecipientKind, n.RecipientId, n.CreatedAt });
        // Unread counts read only this small index.
        builder.HasIndex(n => new { n.RecipientKind, n.RecipientId }).HasFilter("read_at IS NULL").HasDatabaseName("ix_notifications_unread");
        // The dispatcher's queue.
        builder.HasIndex(n => n.NextAttemptAt).HasFilter("dispatch_state = 'pending'").HasDatabaseName("ix_notifications_pending");
    }
}

internal sealed class DeliveryAttemptConfiguration : IEntityTypeConfiguration<DeliveryAttempt>
{
    public void Configure(EntityTypeBuilder<DeliveryAttempt> builder)
    {
        builder.ToTable("delivery_attempts", t => t.HasCheckConstraint("ck_delivery_attempts_outcome", "outcome IN ('sent', 'failed', 'gave-up')"));
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Channel).HasMaxLength(10);
        builder.Property(a => a.Outcome).HasMaxLength(10);
        builder.Property(a => a.Address).HasMaxLength(320);
        builder.Property(a => a.Detail).HasMaxLength(1000);
        builder.HasIndex(a => new { a.NotificationId, a.Channel });
        builder.HasIndex(a => a.At);
        builder.HasOne<NotificationRecord>().WithMany().HasForeignKey(a => a.NotificationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.ToTable("notification_preferences");
        builder.HasKey(p => new { p.RecipientKind, p.RecipientId });
        builder.Property(p => p.RecipientKind).HasMaxLength(20);
        builder.Property(p => p.RecipientId).HasMaxLength(200);
        builder.Property(p => p.Culture).HasMaxLength(10);
    }
}
