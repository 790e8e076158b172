using PublicServicesBpm.Host;
using PublicServicesBpm.Host.Commands;
using PublicServicesBpm.Host.Features.Definitions;
using PublicServicesBpm.Host.Features.Identity;
using PublicServicesBpm.Host.Hosting;
using PublicServicesBpm.Persistence.LocalPostgres;
using Serilog;

// One binary: with no command it serves the portal, workspace, designer, HTTP API and background jobs;
// with a command it does one operator task and exits (dotnet run --project src/PublicServicesBpm.Host -- migrate).
// Offline tools first: they need no database.
switch (args)
{
    case ["bpmn", "validate", .. var files]:
        return await BpmnValidateCommand.RunAsync(files, Console.Out, CancellationToken.None);
    case ["feel", "eval", .. var feelArguments]:
        return await FeelEvalCommand.RunAsync(feelArguments, Console.Out, TimeProvider.System);
    case [CalendarCommand.Name, .. var calendarArguments] when !calendarArguments.Contains("--agency"):
        return await CalendarCommand.RunAsync(calendarArguments, Console.Out);
    default:
        break;
}
var (command, hostArgs) = args is [var first, .. var rest] && !first.StartsWith('-') ? (first, rest) : ("serve", args);
// An agency's calendar is read from the database: the command runs with the host's configuration.
string? calendarAgency = null;
if (command == CalendarCommand.Name && !CalendarCommand.TryTakeAgency(hostArgs, out calendarAgency, out hostArgs))
{
    Console.Error.WriteLine("calendar: --agency needs an agency code, e.g. --agency 000.00.11.H38");
    return 64;
}
if (command is not ("serve" or MigrateCommand.Name or AuditCommand.Name or CalendarCommand.Name))
{
    Console.Error.WriteLine($"Unknown command '{command}'. Commands: {MigrateCommand.Name}, audit verify, bpmn validate <file>..., feel eval \"<expression>\" [--context <json>], calendar holidays <year> [--agency <code>], calendar add <instant> <duration> [--agency <code>] (or none, to serve).");
    return 64;
}
// A command's own words (audit verify) come before the host's --options.
var commandArgs = hostArgs.TakeWhile(a => !a.StartsWith('-')).ToArray();
hostArgs = hostArgs[commandArgs.Length..];
if (command != "serve")
{
    hostArgs = ["--Logging:StandardError=true", .. hostArgs];
}
var builder = HostApplication.CreateBuilder(hostArgs);
Log.Logger = Logging.CreateBootstrapLogger(builder.Configuration);
try
{
    await using var database = await DatabaseServer.ConnectAsync(builder.Configuration, new Serilog.Extensions.Logging.SerilogLoggerFactory(Log.Logger).CreateLogger("Database"), CancellationToken.None);
    await using var app = HostApplication.Build(builder, database);
    switch (command)
    {
        case "serve":
            await MigrateCommand.ApplyAsync(app.Services, app.Lifetime.ApplicationStopping);
            await RepositoryDefinitions.DeployAsync(app.Services, app.Configuration, app.Lifetime.ApplicationStopping);
            await IdentitySeed.EnsureAsync(app.Services, app.Configuration, app.Lifetime.ApplicationStopping);
            await app.RunAsync();
            return 0;
        case CalendarCommand.Name:
            await MigrateCommand.ApplyAsync(app.Services, CancellationToken.None);
            return await CalendarCommand.RunAsync(app.Services, calendarAgency!, commandArgs, Console.Out, CancellationToken.None);
        case AuditCommand.Name:
            // Verification only reads (it may run on a read replica without DDL rights): no migration first.
            return await AuditCommand.RunAsync(app.Services, commandArgs, Console.Out, CancellationToken.None);
        default:
            return await MigrateCommand.RunAsync(app.Services, CancellationToken.None);
    }
}
catch (LocalPostgresException exception)
{
    Log.Fatal("Cannot start the local PostgreSQL: {Reason}", exception.Message);
    return 2;
}
catch (Exception exception) when (exception is not OperationCanceledException)
{
    Log.Fatal(exception, "The host stopped because of an unexpected error");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}
