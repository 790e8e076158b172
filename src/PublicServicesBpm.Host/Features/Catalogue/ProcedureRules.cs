using System.Text.RegularExpressions;
using PublicServicesBpm.Persistence.Catalogue;

namespace PublicServicesBpm.Host.Features.Catalogue;

/// <summary>
/// The rules of a procedure document that need no database: allowed values, unique codes, every channel of a case
/// with exactly one time limit, fees only on the case's channels. References to the catalogues (sector, agencies,
/// document types) are checked by <see cref="ProcedureCatalogue"/> when storing.
/// </summary>
internal static partial class ProcedureRules
{
    public static readonly IReadOnlyList<string> OnlineLevels = ["full-process", "partial", "none"];
    public static readonly IReadOnlyList<string> Channels = ["counter", "online", "post"];
    public static readonly IReadOnlyList<string> TimeUnits = ["working-days", "calendar-days", "working-hours"];
    public static readonly IReadOnlyList<string> FeeBases = ["dossier", "copy"];

    public static void Check(ProcedureDocument document, List<ProcedureProblem> problems)
    {
        Require(Key().IsMatch(document.Key) && document.Key.Length <= 200, "$.key", "Lower-case words joined by hyphens (e.g. dang-ky-khai-sinh).", problems);
        Require(NationalCode().IsMatch(document.NationalCode), "$.nationalCode", "A national procedure code such as 1.001193.", problems);
        Require(!string.IsNullOrWhiteSpace(document.Name), "$.name", "Required.", problems);
        Require(AdministrativeLevels.OfAgencies.Contains(document.Level), "$.level", "One of " + string.Join(", ", AdministrativeLevels.OfAgencies) + ".", problems);
        Require(OnlineLevels.Contains(document.OnlineLevel), "$.onlineLevel", "One of " + string.Join(", ", OnlineLevels) + ".", problems);
        Require(document.Agencies.Count > 0, "$.agencies", "At least one agency code.", problems);
        Require(document.Agencies.Distinct(StringComparer.Ordinal).Count() == document.Agencies.Count, "$.agencies", "An agency is listed twice.", problems);
        Require(!string.IsNullOrWhiteSpace(document.Publication.Decision), "$.publication.decision", "Required.", problems);
        Require(!string.IsNullOrWhiteSpace(document.Result), "$.result", "Required.", problems);
        Require(document.Cases.Count > 0, "$.cases", "At least one case.", problems);
        foreach (var duplicate in Duplicates(document.Cases.Select(c => c.Code)))
        {
            problems.Add(new("$.cases", $"The case code '{duplicate}' is used twice."));
        }
        for (var i = 0; i < document.Cases.Count; i++)
        {
            CheckCase(document, document.Cases[i], $"$.cases[{i}]", problems);
        }
    }

    private static void CheckCase(ProcedureDocument document, ProcedureCase @case, string path, List<ProcedureProblem> problems)
    {
        Require(Key().IsMatch(@case.Code), path + ".code", "Lower-case words joined by hyphens.", problems);
        Require(!string.IsNullOrWhiteSpace(@case.Name), path + ".name", "Required.", problems);
        Require(@case.Workflow is null || Key().IsMatch(@case.Workflow), path + ".workflow", "A process key (lower-case words joined by hyphens).", problems);
        Require(@case.TimeLimits.Count > 0, path + ".timeLimits", "At least one channel with its time limit.", problems);
        foreach (var duplicate in Duplicates(@case.TimeLimits.Select(t => t.Channel)))
        {
            problems.Add(new(path + ".timeLimits", $"The channel '{duplicate}' has two time limits."));
        }
        for (var i = 0; i < @case.TimeLimits.Count; i++)
        {
            var limit = @case.TimeLimits[i];
            var at = $"{path}.timeLimits[{i}]";
            Require(Channels.Contains(limit.Channel), at + ".channel", "One of " + string.Join(", ", Channels) + ".", problems);
            Require(TimeUnits.Contains(limit.Unit), at + ".unit", "One of " + string.Join(", ", TimeUnits) + ".", problems);
            Require(limit.Value > 0 && limit.Value <= 3650, at + ".value", "A positive number (at most 3650).", problems);
            Require(!limit.SameDay || limit.Unit == "working-days", at + ".sameDay", "The same-day rule applies to working days only.", problems);
            Require(limit.Channel != "online" || document.OnlineLevel != "none", at + ".channel", "An online channel needs an online level other than none.", problems);
        }
        var channels = @case.TimeLimits.Select(t => t.Channel).ToHashSet(StringComparer.Ordinal);
        foreach (var duplicate in Duplicates(@case.Fees.Select(f => f.Code)))
        {
            problems.Add(new(path + ".fees", $"The fee code '{duplicate}' is used twice."));
        }
        for (var i = 0; i < @case.Fees.Count; i++)
        {
            var fee = @case.Fees[i];
            var at = $"{path}.fees[{i}]";
            Require(Key().IsMatch(fee.Code), at + ".code", "Lower-case words joined by hyphens.", problems);
            Require(!string.IsNullOrWhiteSpace(fee.Name), at + ".name", "Required.", problems);
            Require(fee.Amount >= 0, at + ".amount", "Zero or more.", problems);
            Require(Currency().IsMatch(fee.Currency), at + ".currency", "A three-letter currency code (VND).", problems);
            Require(FeeBases.Contains(fee.Per), at + ".per", "One of " + string.Join(", ", FeeBases) + ".", problems);
            foreach (var channel in fee.Channels ?? [])
            {
                Require(channels.Contains(channel), at + ".channels", $"'{channel}' is not a channel of this case (see timeLimits).", problems);
            }
        }
        foreach (var duplicate in Duplicates(@case.Components.Select(c => c.Code)))
        {
            problems.Add(new(path + ".components", $"The component code '{duplicate}' is used twice."));
        }
        for (var i = 0; i < @case.Components.Count; i++)
        {
            var component = @case.Components[i];
            var at = $"{path}.components[{i}]";
            Require(Key().IsMatch(component.Code), at + ".code", "Lower-case words joined by hyphens.", problems);
            Require(!string.IsNullOrWhiteSpace(component.Name), at + ".name", "Required.", problems);
            Require(component.Originals is >= 0 and <= 99, at + ".originals", "From 0 to 99.", problems);
            Require(component.CertifiedCopies is >= 0 and <= 99, at + ".certifiedCopies", "From 0 to 99.", problems);
            Require(component.Copies is >= 0 and <= 99, at + ".copies", "From 0 to 99.", problems);
            Require(component.FormKey is null || Key().IsMatch(component.FormKey), at + ".formKey", "A form key (lower-case words joined by hyphens).", problems);
            Require(component.Template is null || Uri.TryCreate(component.Template, UriKind.RelativeOrAbsolute, out _), at + ".template", "An address.", problems);
        }
    }

    private static void Require(bool condition, string path, string message, List<ProcedureProblem> problems)
    {
        if (!condition)
        {
            problems.Add(new(path, message));
        }
    }

    private static IEnumerable<string> Duplicates(IEnumerable<string> codes) =>
        codes.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Key();

    [GeneratedRegex(@"^[0-9]{1,2}\.[0-9]{5,6}$")]
    private static partial Regex NationalCode();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex Currency();
}
