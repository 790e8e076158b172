using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using PublicServicesBpm.Engine.Definitions;

namespace PublicServicesBpm.Engine.Bpmn;

/// <summary>
/// Reads and validates the <c>psb:</c> extension attributes of one element. Invalid values are reported
/// and replaced by the default, so the rest of the element is still checked.
/// </summary>
internal sealed partial class PsbAttributes(XElement element, string elementType, ProblemList problems, string? ownerId = null)
{
    private static readonly FrozenSet<string> KnownNames = FrozenSet.Create(
    [
        "candidateGroups", "assignee", "formKey", "formBinding", "outcomes", "dueIn", "calendar", "type", "retries",
        "dossierStatus", "correlationKey", "collection", "elementVariable", "binding", "version", "versionTag",
    ]);

    // Problems name the flow node even when the attributes sit on a child such as multiInstanceLoopCharacteristics.
    private string? Id => ownerId ?? element.Attribute("id")?.Value;

    /// <summary>Warns about psb attributes that are unknown or have no effect on this element.</summary>
    public void CheckPlacement(params string[] allowed)
    {
        foreach (var attribute in element.Attributes().Where(a => a.Name.Namespace == BpmnNames.Psb))
        {
            var name = attribute.Name.LocalName;
            if (!KnownNames.Contains(name))
            {
                Warn($"psb:{name} is not a known extension attribute; it is ignored.");
            }
            else if (!allowed.Contains(name))
            {
                Warn($"psb:{name} has no effect on a {elementType}; it is ignored.");
            }
        }
    }

    /// <summary>The trimmed value; an attribute written but left blank is an error and reads as absent.</summary>
    public string? Text(string name)
    {
        var value = element.Attribute(BpmnNames.Psb + name)?.Value.Trim();
        if (value is { Length: 0 })
        {
            Invalid(name, "must not be empty");
            return null;
        }

        return value;
    }

    public ExpressionText? Expression(string name) => Text(name) is { } text ? new ExpressionText(text) : null;

    public int? DossierStatus()
    {
        var text = Text("dossierStatus");
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is >= 1 and <= 10)
        {
            return code;
        }

        Invalid("dossierStatus", $"must be a dossier status code from 1 to 10, not '{text}'");
        return null;
    }

    public int Retries()
    {
        var text = Text("retries");
        if (text is null)
        {
            return JobActivity.DefaultRetries;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var retries) && retries <= 100)
        {
            return retries;
        }

        Invalid("retries", $"must be a whole number from 0 to 100, not '{text}'");
        return JobActivity.DefaultRetries;
    }

    public IsoDuration? DueIn()
    {
        var text = Text("dueIn");
        if (text is null)
        {
            return null;
        }

        if (IsoDuration.TryParse(text, out var duration) && !duration.IsZero)
        {
            return duration;
        }

        Invalid("dueIn", $"must be a positive ISO-8601 duration such as P3D or PT4H, not '{text}'");
        return null;
    }

    public TimeBasis Calendar()
    {
        var text = Text("calendar");
        switch (text)
        {
            case null or "working":
                return TimeBasis.WorkingTime;
            case "calendar":
                return TimeBasis.CalendarTime;
            default:
                Invalid("calendar", $"must be 'working' or 'calendar', not '{text}'");
                return TimeBasis.WorkingTime;
        }
    }

    public FormBinding FormBinding()
    {
        var text = Text("formBinding");
        if (text is null or "deployment")
        {
            return Definitions.FormBinding.Deployment;
        }

        if (text == "latest")
        {
            return new FormBinding(FormBindingKind.Latest, null);
        }

        if (text.StartsWith("version:", StringComparison.Ordinal)
            && int.TryParse(text["version:".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            && version >= 1)
        {
            return new FormBinding(FormBindingKind.Version, version);
        }

        Invalid("formBinding", $"must be 'deployment', 'latest' or 'version:N' with N ≥ 1, not '{text}'");
        return Definitions.FormBinding.Deployment;
    }

    public string? Key(string name)
    {
        var text = Text(name);
        if (text is not null && !KeyPattern().IsMatch(text))
        {
            Invalid(name, $"must be letters, digits, '.', '_' or '-' without spaces, not '{text}'");
        }

        return text;
    }

    public IReadOnlyList<string> Outcomes()
    {
        var text = Text("outcomes");
        if (text is null)
        {
            return [];
        }

        var outcomes = text.Split(',', StringSplitOptions.TrimEntries);
        if (outcomes.Any(o => !KeyPattern().IsMatch(o)) || outcomes.Distinct(StringComparer.Ordinal).Count() != outcomes.Length)
        {
            Invalid("outcomes", $"must be a comma-separated list of distinct codes such as 'approve,reject', not '{text}'");
        }

        return [.. outcomes.Where(o => o.Length > 0).Distinct(StringComparer.Ordinal)];
    }

    public CandidateGroups? CandidateGroups()
    {
        var text = Text("candidateGroups");
        if (text is null)
        {
            return null;
        }

        if (text.StartsWith('='))
        {
            return new CandidateGroups([], new ExpressionText(text));
        }

        var groups = text.Split(',', StringSplitOptions.TrimEntries);
        if (groups.Any(g => !GroupPattern().IsMatch(g)))
        {
            Invalid("candidateGroups", $"must be role codes such as 'specialist' or 'specialist@{{agency}}', comma-separated, or a FEEL expression starting with '=', not '{text}'");
        }

        return new CandidateGroups([.. groups.Where(g => g.Length > 0)], null);
    }

    public void Invalid(string name, string reason) =>
        problems.Error(BpmnRules.ExtensionAttribute, Id, elementType, $"psb:{name} {reason}.");

    public void Missing(string name, string reason) =>
        problems.Error(BpmnRules.ExtensionAttribute, Id, elementType, $"psb:{name} is required: {reason}.");

    private void Warn(string message) => problems.Warning(BpmnRules.ExtensionIgnored, Id, elementType, message);

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex KeyPattern();

    // A role code, optionally scoped to an agency: a literal code or a {variable} placeholder.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*(@(\{[A-Za-z_][A-Za-z0-9_.]*\}|[A-Za-z0-9][A-Za-z0-9._-]*))?$")]
    private static partial Regex GroupPattern();
}
