using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Npgsql;
using PublicServicesBpm.Host.Features.Audit;
using PublicServicesBpm.Persistence;
using PublicServicesBpm.Persistence.Audit;

namespace PublicServicesBpm.Host.UI.Pages.Audit;

/// <summary>
/// The auditor page: filter the audit log (person, dossier, action, outcome, local dates), page through it, see
/// entries per day, and check the hash chain. Reads go through <see cref="AuditLogReader"/>, like the API, and are
/// recorded the same way.
/// </summary>
public sealed partial class AuditorPage
{
    public const int PageSize = 50;
    public const int DefaultChartDays = 30;
    public const int MaxChartDays = 62;

    private readonly List<string> _errors = [];
    private IReadOnlyList<string> _actions = [];
    private AuditLogPage? _page;
    private IReadOnlyList<AuditDayCount>? _days;
    private bool _chartClamped;
    private long? _after;
    private bool _pageLinkIgnored;
    private AuditChainReport? _report;

    [Inject]
    private IStringLocalizer<AuditResource> L { get; set; } = null!;

    /// <summary>
    /// The page's own scope (hence its own DbContext): components of one page may run their async work at the same
    /// time, and a DbContext cannot be shared between concurrent operations.
    /// </summary>
    [Inject]
    private IServiceScopeFactory ScopeFactory { get; set; } = null!;

    [Inject]
    private TimeProvider Clock { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "person")]
    public string? Person { get; set; }

    [SupplyParameterFromQuery(Name = "dossier")]
    public string? Dossier { get; set; }

    [SupplyParameterFromQuery(Name = "action")]
    public string? Action { get; set; }

    [SupplyParameterFromQuery(Name = "outcome")]
    public string? Outcome { get; set; }

    [SupplyParameterFromQuery(Name = "from")]
    public string? From { get; set; }

    [SupplyParameterFromQuery(Name = "to")]
    public string? To { get; set; }

    [SupplyParameterFromQuery(Name = "after")]
    public string? After { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _actions = KnownActions(Action);
        var filter = ParseFilter();
        if (_errors.Count > 0)
        {
            return;
        }
        if (!string.IsNullOrWhiteSpace(After))
        {
            if (long.TryParse(After, NumberStyles.None, CultureInfo.InvariantCulture, out var after))
            {
                _after = after;
            }
            else
            {
                _pageLinkIgnored = true;
            }
        }
        await using var scope = ScopeFactory.CreateAsyncScope();
        var reader = Reader(scope.ServiceProvider);
        _page = await reader.SearchAsync(filter, new AuditPaging(_after, PageSize, AuditOrder.NewestFirst), CancellationToken.None);
        var (firstDay, lastDay, clamped) = ChartWindow(filter);
        _chartClamped = clamped;
        _days = await reader.CountPerDayAsync(filter, firstDay, lastDay, CancellationToken.None);
        await reader.RecordReadAsync("page", filter, new Dictionary<string, object>
        {
            ["after"] = (object?)_after ?? "none",
            ["returned"] = _page.Entries.Count,
        }, CancellationToken.None);
    }

    private async Task VerifyAsync()
    {
        await using var scope = ScopeFactory.CreateAsyncScope();
        _report = await Reader(scope.ServiceProvider).VerifyAsync(CancellationToken.None);
    }

    private static AuditLogReader Reader(IServiceProvider services) => new(
        services.GetRequiredService<NpgsqlDataSource>(), services.GetRequiredService<AppDbContext>(), services.GetRequiredService<AuditTrail>());

    private AuditLogFilter ParseFilter()
    {
        var from = LocalDate(From, VietnamTime.StartOf);
        var to = LocalDate(To, VietnamTime.EndOf);
        var errors = new AuditLogFilterParser.Errors();
        var filter = AuditLogFilterParser.Filter(errors, null, null, null, null, Person, Dossier, Action, Outcome, null, null) with { From = from, To = to };
        foreach (var field in errors.Keys)
        {
            _errors.Add(field switch
            {
                "dossierId" => L["InvalidDossier"],
                "person" => L["InvalidValue", L["Person"]],
                "action" => L["InvalidValue", L["Action"]],
                _ => L["InvalidValue", L["Outcome"]],
            });
        }
        if (from is { } start && to is { } end && start > end)
        {
            _errors.Add(L["InvalidPeriod"]);
        }
        return filter;
    }

    private DateTimeOffset? LocalDate(string? text, Func<DateOnly, DateTimeOffset> instant)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (VietnamTime.TryParseDate(text, out var day))
        {
            return instant(day);
        }
        _errors.Add(L["InvalidDate", text]);
        return null;
    }

    /// <summary>The days the chart covers: the filter's period (its last <see cref="MaxChartDays"/> days at most), or the last 30 days.</summary>
    private (DateOnly First, DateOnly Last, bool Clamped) ChartWindow(AuditLogFilter filter)
    {
        var last = filter.To is { } to ? VietnamTime.LocalDate(to) : VietnamTime.LocalDate(Clock.GetUtcNow());
        var first = filter.From is { } from ? VietnamTime.LocalDate(from) : last.AddDays(1 - DefaultChartDays);
        if (first > last)
        {
            last = first;
        }
        var clamped = last.DayNumber - first.DayNumber + 1 > MaxChartDays;
        return (clamped ? last.AddDays(1 - MaxChartDays) : first, last, clamped);
    }

    /// <summary>This page with the current filter, at the page after <paramref name="after"/> (the first page when null).</summary>
    private string FilterLink(long? after) => Link(Person, Dossier, after);

    /// <summary>The current filter narrowed to one person (first page).</summary>
    private string PersonLink(string person) => Link(person, Dossier, null);

    /// <summary>The current filter narrowed to one dossier (first page).</summary>
    private string DossierLink(Guid dossier) => Link(Person, dossier.ToString("D"), null);

    private string Link(string? person, string? dossier, long? after)
    {
        var parameters = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parameters.Add($"{name}={Uri.EscapeDataString(value.Trim())}");
            }
        }
        Add("person", person);
        Add("dossier", dossier);
        Add("action", Action);
        Add("outcome", Outcome);
        Add("from", From);
        Add("to", To);
        Add("after", after?.ToString(CultureInfo.InvariantCulture));
        return parameters.Count == 0 ? "/audit" : "/audit?" + string.Join('&', parameters);
    }

    /// <summary>Every action name the application declares (the constants), and the one being filtered on.</summary>
    private static List<string> KnownActions(string? current)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in new[] { typeof(AuditActions), typeof(AuditReadActions) })
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string)))
            {
                if (field.GetRawConstantValue() is string name && name.Contains('.', StringComparison.Ordinal))
                {
                    names.Add(name);
                }
            }
        }
        if (!string.IsNullOrWhiteSpace(current))
        {
            names.Add(current.Trim());
        }
        return [.. names];
    }
}
