namespace PublicServicesBpm.Engine.Definitions;

/// <summary>
/// The text of a FEEL expression as written in the BPMN file. It is kept raw: the import layer does not
/// parse FEEL. A leading '=' (Camunda 8 style) is allowed and not part of the expression.
/// </summary>
/// <param name="Raw">The attribute or element text exactly as written.</param>
public sealed record ExpressionText(string Raw)
{
    /// <summary>The expression to evaluate: <see cref="Raw"/> without a leading '=' and surrounding blanks.</summary>
    public string Body
    {
        get
        {
            var text = Raw.Trim();
            return text.StartsWith('=') ? text[1..].TrimStart() : text;
        }
    }
}

/// <summary>
/// Who may claim a user task: a literal list of role codes (optionally scoped, e.g.
/// <c>specialist@{agency}</c>) or a FEEL expression (written with a leading '=').
/// </summary>
/// <param name="Groups">The literal group codes; empty when <paramref name="Expression"/> is set.</param>
/// <param name="Expression">The FEEL expression yielding the groups, if written as one.</param>
public sealed record CandidateGroups(IReadOnlyList<string> Groups, ExpressionText? Expression);

/// <summary>Whether durations count working time (business calendar) or plain calendar time.</summary>
public enum TimeBasis
{
    /// <summary>Working time: weekends, holidays and out-of-office hours are skipped (the default).</summary>
    WorkingTime,

    /// <summary>Calendar time (<c>psb:calendar="calendar"</c>).</summary>
    CalendarTime,
}

/// <summary>How a user task or start event picks the version of its form.</summary>
public enum FormBindingKind
{
    /// <summary>The form version deployed with the process (the default).</summary>
    Deployment,

    /// <summary>The latest deployed form version.</summary>
    Latest,

    /// <summary>A fixed form version.</summary>
    Version,
}

/// <summary>The parsed <c>psb:formBinding</c> value: <c>deployment</c>, <c>latest</c> or <c>version:N</c>.</summary>
/// <param name="Kind">The binding kind.</param>
/// <param name="Version">The version number when <paramref name="Kind"/> is <see cref="FormBindingKind.Version"/>.</param>
public sealed record FormBinding(FormBindingKind Kind, int? Version)
{
    /// <summary>The default binding: the form version deployed with the process.</summary>
    public static FormBinding Deployment { get; } = new(FormBindingKind.Deployment, null);
}
