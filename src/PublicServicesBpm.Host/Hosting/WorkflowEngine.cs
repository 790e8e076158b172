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
        // Monday–Friday office hours until the administered business calendar (catalogue issue) replaces it.
        services.AddSingleton<IBusinessCalendar>(new WeekdayOfficeHoursCalendar());
        services.AddSingleton<ICommittedEffectsListener, EngineEffectsDispatcher>();
        services.AddSingleton<WorkflowRuntime>();
        services.AddSingleton<TaskAssignments>();
        services.AddSingleton<CalledProcesses>();
        services.AddTransient<SettleCalledProcessJob>();
        services.AddTransient<FireDueTimersJob>();
        services.AddTransient<RunServiceTaskJob>();
        services.AddTransient<RunStaleJobsJob>();
        services.AddHostedService<RecurringJobsRegistration>();
        return services;
    }
}
