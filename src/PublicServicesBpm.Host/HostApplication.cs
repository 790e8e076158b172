using Microsoft.AspNetCore.DataProtection;
using PublicServicesBpm.Host.Features.Attachments;
using PublicServicesBpm.Host.Features.Audit;
using PublicServicesBpm.Host.Features.Calendar;
using PublicServicesBpm.Host.Features.Catalogue;
using PublicServicesBpm.Host.Features.Dossiers;
using PublicServicesBpm.Host.Features.Deadlines;
using PublicServicesBpm.Host.Features.Definitions;
using PublicServicesBpm.Host.Features.Designer;
using PublicServicesBpm.Host.Features.DevelopmentIdentityProvider;
using PublicServicesBpm.Host.Features.Forms;
using PublicServicesBpm.Host.Features.Identity;
using PublicServicesBpm.Host.Features.Integrations.Tax;
using PublicServicesBpm.Host.Features.Notifications;
using PublicServicesBpm.Host.Features.Slips;
using PublicServicesBpm.Host.Features.System;
using PublicServicesBpm.Host.Features.Workflows;
using PublicServicesBpm.Host.Hosting;
using PublicServicesBpm.Host.UI;
using PublicServicesBpm.Persistence;
using Scalar.AspNetCore;
using Serilog;

namespace PublicServicesBpm.Host;

/// <summary>What the host is made of: its services and its request pipeline, in the order they apply.</summary>
internal static class HostApplication
{
    public const string DefaultUrl = "http://localhost:5080";

    /// <summary>
    /// Settings and static assets are read from beside the binary (also when tests host it); relative data paths
    /// resolve against the working directory.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(HostApplication).Assembly.GetName().Name,
        });
        // Serves wwwroot from the project in a build (not only in Development); a published app has its own copy.
        builder.WebHost.UseStaticWebAssets();
        // A default port only when none is configured (Urls, ASPNETCORE_URLS, --urls), so each of those wins.
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        return builder;
    }

    public static WebApplication Build(WebApplicationBuilder builder, DatabaseServer database)
    {
        builder.AddLogging();
        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddPersistence(database.ConnectionString);
        builder.Services.AddDataProtection().PersistKeysToDbContext<AppDbContext>().SetApplicationName("PublicServicesBpm");
        builder.Services.AddHostedService<LocalDatabaseSupervisor>();
        builder.Services.AddBackgroundJobs(database.ConnectionString, builder.Configuration);
        builder.Services.AddProblemResponses();
        builder.Services.AddSecurity(builder.Configuration, builder.Environment);
        builder.Services.AddOfficerSignIn();
        builder.Services.AddHealth();
        builder.Services.AddDefinitions();
        builder.Services.AddTaxIntegration();
        builder.Services.AddAttachments();
        builder.Services.AddSlips(builder.Configuration);
        builder.Services.AddWorkflowEngine();
        builder.Services.AddCatalogue();
        builder.Services.AddDossiers();
        builder.Services.AddNotifications();
        builder.Services.AddDeadlines(builder.Configuration);
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "PublicServicesBpm API";
            document.Info.Description = "HTTP API of the administrative procedure handling system (Circular 21/2023/TT-BTTTT). Errors are RFC 7807 problem details.";
            ApiSecuritySchemes.Describe(document);
            return Task.CompletedTask;
        }));
        builder.Services.AddUiLocalization();
        builder.Services.AddRazorComponents();
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(30));

        var app = builder.Build();
        app.UseCorrelationId();
        app.UseSerilogRequestLogging();
        app.UseProblemResponses();
        app.UseSecurityHeaders();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseSecurity();
        app.UseAntiforgery();
        app.UseBackgroundJobsDashboard();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealth();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference().AllowAnonymous();
        app.MapLanguageSwitch();
        app.MapSystemApi();
        app.MapTokenEndpoint();
        app.MapDevelopmentIdentityProvider();
        app.MapAccountEndpoints();
        app.MapIdentityApi();
        app.MapAuditApi();
        app.MapWorkflowsApi();
        app.MapCalendarApi();
        app.MapFormsApi();
        app.MapDesignerApi();
        app.MapTaxSimulator();
        app.MapCatalogueApi();
        app.MapDossiersApi();
        app.MapNotificationsApi().MapSmsSimulator();
        app.MapDeadlineMonitoringApi();
        app.MapRazorComponents<App>();
        StartupBanner.PrintWhenStarted(app);
        return app;
    }
}
