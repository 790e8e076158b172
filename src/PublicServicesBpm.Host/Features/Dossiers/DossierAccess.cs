using System.Security.Claims;
using PublicServicesBpm.Host.Features.Identity;
using PublicServicesBpm.Persistence.Dossiers;
using PublicServicesBpm.Persistence.Identity;

namespace PublicServicesBpm.Host.Features.Dossiers;

/// <summary>Who is asking about a dossier: an officer (with their grants) or a signed-in applicant.</summary>
internal abstract record DossierViewer(string Subject, string Name)
{
    public sealed record Officer(OfficerScope Scope) : DossierViewer(Scope.AccountId.ToString("D"), Scope.FullName);

    public sealed record Applicant(Guid ApplicantId, string FullName) : DossierViewer(ApplicantId.ToString("D"), FullName);
}

/// <summary>
/// Who may see and act on which dossier: an applicant sees the dossiers they own (<c>psb:applicant_id</c>); an
/// officer sees the dossiers of the agencies where they hold a role (<see cref="OfficerScope.Agencies"/>); nobody else
/// sees anything — and "not yours" looks the same as "does not exist" (404), so codes and ids cannot be probed.
/// </summary>
internal sealed class DossierAccess(OfficerAccess officers, IHttpContextAccessor httpContextAccessor)
{
    /// <summary>The caller as a dossier viewer, or null when they are neither an officer nor an applicant.</summary>
    public async Task<DossierViewer?> CurrentAsync(CancellationToken cancellationToken)
    {
        var user = httpContextAccessor.HttpContext?.User;
        if (user is null)
        {
            return null;
        }
        if (await officers.CurrentAsync(cancellationToken) is { MustChangePassword: false } scope)
        {
            return new DossierViewer.Officer(scope);
        }
        return Guid.TryParse(user.FindFirstValue(CitizenClaims.ApplicantId), out var applicantId)
            ? new DossierViewer.Applicant(applicantId, user.FindFirstValue(CitizenClaims.FullName) ?? string.Empty)
            : null;
    }

    /// <summary>Whether <paramref name="viewer"/> may see <paramref name="dossier"/>.</summary>
    public static bool MaySee(DossierViewer viewer, DossierRecord dossier) => viewer switch
    {
        DossierViewer.Officer officer => officer.Scope.CanHandleDossiersOf(dossier.AgencyCode),
        DossierViewer.Applicant applicant => dossier.OwnerSubject == applicant.Subject,
        _ => false,
    };

    /// <summary>Whether the officer holds one of <paramref name="roles"/> in the dossier's agency.</summary>
    public static bool HasRoleAt(OfficerScope scope, string agencyCode, params string[] roles) =>
        scope.Grants.Any(g => g.AgencyCode == agencyCode && roles.Contains(g.Role));

    /// <summary>Roles that handle dossiers at the one-stop counter.</summary>
    public static readonly string[] OneStopRoles = [OfficerRole.OneStopOfficer];
}
