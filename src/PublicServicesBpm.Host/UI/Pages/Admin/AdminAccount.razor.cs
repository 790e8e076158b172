using System.Globalization;
using Microsoft.AspNetCore.Components;
using PublicServicesBpm.Host.Features.Identity;
using PublicServicesBpm.Persistence;

namespace PublicServicesBpm.Host.UI.Pages.Admin;

/// <summary>
/// One officer account for the administrator: details, grant history, and the commands (grant, revoke, disable,
/// enable, reset password) — the same <see cref="AccountsService"/> and <see cref="GrantsService"/> as the API.
/// </summary>
public sealed partial class AdminAccount
{
    private readonly AdminFormErrors _actionErrors = new("action");
    private readonly AdminFormErrors _grantErrors = new("grant");
    private readonly AdminFormErrors _revokeErrors = new("revoke");
    private AccountDetails? _account;
    private IReadOnlyList<GrantView> _grants = [];
    private IReadOnlyList<GrantView> _revocable = [];
    private IReadOnlyList<AgencyView> _agencies = [];
    private string? _notice;
    private string? _temporaryPassword;

    [Parameter]
    public Guid Id { get; set; }

    [SupplyParameterFromForm(FormName = "grant-role")]
    private GrantInput? Grant { get; set; }

    [SupplyParameterFromForm(FormName = "revoke-grant")]
    private RevokeInput? Revoke { get; set; }

    private string PagePath => $"admin/accounts/{Id:D}";

    private Guid ActorId => AdminActor.IdOf(HttpContext.User);

    private CancellationToken Aborted => HttpContext.RequestAborted;

    protected override async Task OnInitializedAsync()
    {
        Grant ??= new();
        Revoke ??= new();
        _grantErrors.Attach(Grant);
        _revokeErrors.Attach(Revoke);
        _agencies = await AgenciesEndpoints.ListAsync(HttpContext.RequestServices.GetRequiredService<AppDbContext>(), Aborted);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _account = await AccountsService.For(HttpContext.RequestServices).GetAsync(Id, Aborted);
        _grants = await GrantsService.For(HttpContext.RequestServices).HistoryAsync(Id, Aborted) ?? [];
        _revocable = [.. _grants.Where(g => g.Status is GrantStatus.Active or GrantStatus.Scheduled)];
    }

    private async Task DisableAsync()
    {
        var outcome = await AccountsService.For(HttpContext.RequestServices).DisableAsync(Id, ActorId, Aborted);
        await AfterAsync(outcome, _actionErrors, L["DisabledNotice"]);
    }

    private async Task EnableAsync()
    {
        var outcome = await AccountsService.For(HttpContext.RequestServices).EnableAsync(Id, Aborted);
        await AfterAsync(outcome, _actionErrors, L["EnabledNotice"]);
    }

    private async Task ResetPasswordAsync()
    {
        var outcome = await AccountsService.For(HttpContext.RequestServices).ResetPasswordAsync(Id, Aborted);
        if (await AfterAsync(outcome, _actionErrors, L["PasswordResetNotice"]))
        {
            _temporaryPassword = outcome.Value!.TemporaryPassword;
        }
    }

    private async Task GrantAsync()
    {
        var input = Grant!;
        var validFrom = StartOfDay(input.ValidFrom, "validFrom", _grantErrors);
        var validUntil = StartOfDay(input.ValidUntil, "validUntil", _grantErrors)?.AddDays(1);
        if (_grantErrors.Any)
        {
            return;
        }
        // Today means "now" (grants are never back-dated; an earlier day is refused by the service).
        var today = HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().ToOffset(VietnamOffset).Date;
        var from = validFrom is { } day && day.Date == today ? null : validFrom;
        var outcome = await GrantsService.For(HttpContext.RequestServices)
            .AddAsync(Id, new AddGrantRequest(input.Role, input.AgencyCode, from, validUntil), ActorId, Aborted);
        if (await AfterAsync(outcome, _grantErrors, string.Format(CultureInfo.CurrentCulture, L["GrantedNotice"], RoleLabel(input.Role ?? string.Empty))))
        {
            Grant = new();
            _grantErrors.Attach(Grant);
        }
    }

    private async Task RevokeAsync()
    {
        var input = Revoke!;
        if (!Guid.TryParse(input.GrantId, out var grantId))
        {
            _revokeErrors.Add("grantId", L["ChooseGrantRequired"]);
            return;
        }
        var outcome = await GrantsService.For(HttpContext.RequestServices).RevokeAsync(Id, grantId, new RevokeGrantRequest(input.Reason), ActorId, Aborted);
        if (await AfterAsync(outcome, _revokeErrors, L["RevokedNotice"]))
        {
            Revoke = new();
            _revokeErrors.Attach(Revoke);
        }
    }

    /// <summary>Shows the outcome: the notice and fresh data after a success, the errors otherwise. True on success.</summary>
    private async Task<bool> AfterAsync<T>(AdminOutcome<T> outcome, AdminFormErrors errors, string notice)
    {
        if (!outcome.Succeeded)
        {
            errors.AddAll(outcome.Errors, ErrorText);
            return false;
        }
        _notice = notice;
        await LoadAsync();
        return true;
    }

    /// <summary>A yyyy-MM-dd date from a date input as the start of that day in Vietnam; null when empty.</summary>
    private DateTimeOffset? StartOfDay(string? value, string field, AdminFormErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(field, L["DateInvalid"]);
            return null;
        }
        return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), VietnamOffset);
    }

    private static string Describe(AdminFormErrors errors, string field, string hintId) =>
        errors.DescribedBy(field) is { } error ? hintId + " " + error : hintId;

    private sealed class GrantInput
    {
        public string? Role { get; set; }

        public string? AgencyCode { get; set; }

        public string? ValidFrom { get; set; }

        public string? ValidUntil { get; set; }
    }

    private sealed class RevokeInput
    {
        public string? GrantId { get; set; }

        public string? Reason { get; set; }
    }
}
