namespace PublicServicesBpm.Host.UI.Pages.Workspace;

/// <summary>
/// What the task page posts: the chosen action (an outcome of the step) and the fields of the dossier command that
/// outcome runs. One form holds every action so that the step's form (form-js) is filled once, whichever button is used.
/// </summary>
internal sealed class TaskWorkInput
{
    public string? Action { get; set; }

    public string? Reason { get; set; }

    public List<SupplementItemInput> Items { get; set; } = [];

    public string? Guidance { get; set; }

    public string? Amount { get; set; }

    public string? Description { get; set; }

    public string? Number { get; set; }

    public string? Signer { get; set; }

    public string? SignedOn { get; set; }

    public string? Summary { get; set; }

    public string? Channel { get; set; }

    public string? ReceiverName { get; set; }

    public string? ReceiverIdNumber { get; set; }

    public string? Note { get; set; }
}

internal sealed class SupplementItemInput
{
    public string? ComponentCode { get; set; }

    public string? Reason { get; set; }
}
