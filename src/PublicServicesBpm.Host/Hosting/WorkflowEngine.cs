using PublicServicesBpm.Engine.Calendar;
using PublicServicesBpm.Host.Features.Calendar;
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
        // The default calendar (statutory holidays, default office hours) for code without an agency; the runtime
        // counts each instance's deadlines on its agency's administered calendar (Features/Calendar).
        services.AddSingleton<IBusinessCalendar>(new VietnamBusinessCalendar());
        services.AddBusinessCalendar();
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
