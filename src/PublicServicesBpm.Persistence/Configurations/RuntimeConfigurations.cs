using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PublicServicesBpm.Persistence.Engine;

namespace PublicServicesBpm.Persistence.Configurations;

internal sealed class ProcessInstanceConfiguration : IEntityTypeConfiguration<ProcessInstanceRecord>
{
    public void Configure(EntityTypeBuilder<ProcessInstanceRecord> builder)
    {
        builder.ToTable("process_instances", AppDbContext.EngineSchema);
        builder.Property(i => i.State).HasColumnType("jsonb");
        builder.Property(i => i.Status).HasMaxLength(20);
        builder.Property(i => i.Revision).IsConcurrencyToken();
        builder.HasIndex(i => i.BusinessKey).IsUnique().HasFilter("business_key IS NOT NULL");
        builder.HasIndex(i => new { i.ProcessKey, i.ProcessVersion });
        builder.HasOne<ProcessDefinitionVersion>().WithMany().HasForeignKey(i => i.DefinitionVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class UserTaskConfiguration : IEntityTypeConfiguration<UserTaskRecord>
{
    public void Configure(EntityTypeBuilder<UserTaskRecord> builder)
    {
        builder.ToTable("user_tasks", AppDbContext.EngineSchema);
        builder.Property(t => t.Status).HasMaxLength(20);
        builder.HasIndex(t => t.InstanceId);
        // Inboxes read only open tasks: keep that index small.
        builder.HasIndex(t => t.CandidateGroups).HasMethod("gin").HasFilter("status = 'open'");
        builder.HasIndex(t => t.Assignee).HasFilter("status = 'open'");
        builder.HasIndex(t => t.DueAt).HasFilter("status = 'open' AND due_at IS NOT NULL");
        // The deadline monitor (Host: Features/Deadlines): tasks it has not seen (or whose due time changed), and the
        // next threshold of the ones it watches. Both stay as small as the work they point at.
        builder.HasIndex(t => t.CreatedAt).HasFilter("status = 'open' AND due_at IS NOT NULL AND sla_due_at IS DISTINCT FROM due_at")
            .HasDatabaseName("ix_user_tasks_sla_unseen");
        builder.HasIndex(t => t.SlaCheckAt).HasFilter("status = 'open' AND sla_check_at IS NOT NULL AND sla_due_at = due_at")
            .HasDatabaseName("ix_user_tasks_sla_check");
    }
}

internal sealed class TimerConfiguration : IEntityTypeConfiguration<TimerRecord>
{
    public void Configure(EntityTypeBuilder<TimerRecord> builder)
    {
        builder.ToTable("timers", AppDbContext.EngineSchema);
        builder.HasIndex(t => t.DueAt);
        builder.HasIndex(t => t.InstanceId);
    }
}

internal sealed class MessageSubscriptionConfiguration : IEntityTypeConfiguration<MessageSubscriptionRecord>
{
    public void Configure(EntityTypeBuilder<MessageSubscriptionRecord> builder)
    {
        builder.ToTable("message_subscriptions", AppDbContext.EngineSchema);
        builder.HasIndex(s => new { s.MessageName, s.CorrelationKey }).IsUnique();
        builder.HasIndex(s => s.InstanceId);
    }
}

internal sealed class JobConfiguration : IEntityTypeConfiguration<JobRecord>
{
    public void Configure(EntityTypeBuilder<JobRecord> builder)
    {
        builder.ToTable("jobs", AppDbContext.EngineSchema);
        builder.HasIndex(j => j.RunAt);
        builder.HasIndex(j => j.InstanceId);
    }
}

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<IncidentRecord>
{
    public void Configure(EntityTypeBuilder<IncidentRecord> builder)
    {
        builder.ToTable("incidents", AppDbContext.EngineSchema);
        builder.HasIndex(i => i.InstanceId);
        builder.HasIndex(i => i.CreatedAt).HasFilter("resolved_at IS NULL");
    }
}

internal sealed class HistoryEventConfiguration : IEntityTypeConfiguration<HistoryEventRecord>
{
    public void Configure(EntityTypeBuilder<HistoryEventRecord> builder)
    {
        builder.ToTable("history_events", AppDbContext.EngineSchema);
        builder.Property(h => h.Id).UseIdentityAlwaysColumn();
        builder.Property(h => h.Data).HasColumnType("jsonb");
        builder.HasIndex(h => new { h.InstanceId, h.Id });
        builder.HasIndex(h => h.Id).HasFilter("NOT notified AND type IN ('TaskAssigned', 'TaskDelegated')").HasDatabaseName("ix_history_events_unnotified_assignments");
    }
}

internal sealed class CommandReceiptConfiguration : IEntityTypeConfiguration<CommandReceiptRecord>
{
    public void Configure(EntityTypeBuilder<CommandReceiptRecord> builder)
    {
        builder.ToTable("command_receipts", AppDbContext.EngineSchema);
        builder.HasKey(r => r.IdempotencyKey);
    }
}

internal sealed class CalledProcessConfiguration : IEntityTypeConfiguration<CalledProcessRecord>
{
    public void Configure(EntityTypeBuilder<CalledProcessRecord> builder)
    {
        builder.ToTable("called_processes", AppDbContext.EngineSchema);
        builder.HasKey(c => c.CallId);
        builder.Property(c => c.Variables).HasColumnType("jsonb");
        builder.Property(c => c.ChildVariables).HasColumnType("jsonb");
        builder.Property(c => c.Binding).HasMaxLength(20);
        builder.Property(c => c.ChildStatus).HasMaxLength(20);
        builder.HasIndex(c => c.ParentInstanceId);
        builder.HasIndex(c => c.RequestedAt);
    }
}
