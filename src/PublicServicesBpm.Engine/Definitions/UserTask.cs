namespace PublicServicesBpm.Engine.Definitions;

/// <summary>A <c>userTask</c>: human work, claimed by a candidate group member or assigned directly.</summary>
public sealed record UserTask : Activity
{
    /// <summary>
    /// Who may claim the task: the task's own <c>psb:candidateGroups</c>, or else the default of the
    /// innermost lane that contains it; <see langword="null"/> when neither is set.
    /// </summary>
    public CandidateGroups? CandidateGroups { get; init; }

    /// <summary>FEEL expression for a direct assignee (<c>psb:assignee</c>).</summary>
    public ExpressionText? Assignee { get; init; }

    /// <summary>The form schema key (<c>psb:formKey</c>).</summary>
    public string? FormKey { get; init; }

    /// <summary>Which version of the form to use (<c>psb:formBinding</c>, default deployment).</summary>
    public FormBinding FormBinding { get; init; } = FormBinding.Deployment;

    /// <summary>The decisions the task offers (<c>psb:outcomes</c>), stored in the <c>outcome</c> variable.</summary>
    public IReadOnlyList<string> Outcomes { get; init; } = [];

    /// <summary>The time budget (<c>psb:dueIn</c>), if any.</summary>
    public IsoDuration? DueIn { get; init; }

    /// <summary>How <see cref="DueIn"/> is counted (<c>psb:calendar</c>, default working time).</summary>
    public TimeBasis Calendar { get; init; } = TimeBasis.WorkingTime;

    /// <inheritdoc />
    public override string ElementType => "userTask";
}
