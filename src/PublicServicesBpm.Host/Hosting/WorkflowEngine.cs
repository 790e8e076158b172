using PublicServicesBpm.Engine.Calendar;
using PublicServicesBpm.Host.Features.Engine;
using PublicServicesBpm.Host.Jobs;
using PublicServicesBpm.Persistence.Engine;

namespace PublicServicesBpm.Host.Hosting;

/// <summary>The workflow runtime and its background jobs.</summary>
internal static class WorkflowEngine
{
    public static IServiceCollection AddWorkflowEngine(this IServiceCollection services)
    {
        services.AddSingleton<DefinitionCache>();
        // Statutory holidays (lunar ones computed) and default office hours; administered adjustments, per-agency
        // hours and calendar history arrive with the catalogue issue.
        services.AddSingleton<IBusinessCalendar>(new VietnamBusinessCalendar());
        services.AddSingleton<ICommittedEffectsListener, EngineEffectsDispatcher>();
        services.AddSingleton<WorkflowRuntime>();
        services.AddSingleton<TaskAssignments>();
        services.AddSingleton<CalledProcesses>();
        services.AddSingleton<Features.Workflows.TaskInbox>();
        services.AddTransient<SettleCalledProcessJob>();
        services.AddTransient<FireDueTimersJob>();
        services.AddTransient<RunServiceTaskJob>();
        services.AddTransient<RunStaleJobsJob>();
        services.AddHostedService<RecurringJobsRegistration>();
        return services;
    }
}
