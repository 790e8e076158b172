namespace PublicServicesBpm.Host.UI.Pages.Workspace;

/// <summary>The walk-in dossier's fields at the counter: where it goes and who brings it.</summary>
internal sealed class CounterInput
{
    public string? Agency { get; set; }

    public string? Kind { get; set; }

    public string? FullName { get; set; }

    public string? OrganisationName { get; set; }

    public string? IdNumber { get; set; }

    public string? Address { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? ResultDelivery { get; set; }
}
