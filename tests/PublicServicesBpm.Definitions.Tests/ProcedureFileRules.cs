using System.Text.Json;
using System.Text.RegularExpressions;

namespace PublicServicesBpm.Definitions.Tests;

/// <summary>
/// The agreed format (version 1) of <c>workflows/&lt;key&gt;/procedure.json</c>, checked strictly: required
/// properties, no unknown ones (except <c>$comment</c>), the closed value lists, unique codes, and references to
/// workflows and forms that exist. Returns every problem as "path: message".
/// </summary>
internal static partial class ProcedureFileRules
{
    private static readonly string[] s_levels = ["commune", "district", "province", "ministry"];
    private static readonly string[] s_onlineLevels = ["full-process", "partial", "none"];
    private static readonly string[] s_channels = ["counter", "online", "post"];
    private static readonly string[] s_units = ["working-days", "calendar-days", "working-hours"];
    private static readonly string[] s_feeBases = ["dossier", "copy"];

    public static List<string> Check(JsonElement root, string folderKey, IReadOnlySet<string> workflowKeys, IReadOnlySet<string> formKeys)
    {
        var problems = new List<string>();
        var p = new Checker(problems);
        if (!p.Object(root, "$", required: ["key", "nationalCode", "name", "nameEn", "sectorCode", "level", "agencies", "onlineLevel", "publication", "legalBasis", "result", "restartTimeLimitAfterSupplement", "cases"], optional: []))
        {
            return problems;
        }
        if (p.Text(root, "$", "key") is { } key && key != folderKey)
        {
            problems.Add($"$.key: '{key}' is not the folder name '{folderKey}'");
        }
        p.Text(root, "$", "nationalCode", NationalCode());
        p.Text(root, "$", "name");
        p.Text(root, "$", "nameEn");
        p.Text(root, "$", "sectorCode", Code());
        p.OneOf(root, "$", "level", s_levels);
        p.OneOf(root, "$", "onlineLevel", s_onlineLevels);
        p.Texts(root, "$", "agencies", AgencyCode(), minimum: 1);
        p.Texts(root, "$", "legalBasis", null, minimum: 1);
        p.Text(root, "$", "result");
        p.Boolean(root, "$", "restartTimeLimitAfterSupplement");
        var publication = root.GetProperty("publication");
        if (p.Object(publication, "$.publication", required: ["decision", "effectiveFrom"], optional: []))
        {
            p.Text(publication, "$.publication", "decision");
            if (p.Text(publication, "$.publication", "effectiveFrom") is { } from && !DateOnly.TryParseExact(from, "yyyy-MM-dd", out _))
            {
                problems.Add($"$.publication.effectiveFrom: '{from}' is not a date yyyy-MM-dd");
            }
        }
        var cases = p.Array(root, "$", "cases", minimum: 1);
        p.Unique(cases, "$.cases", "code");
        for (var i = 0; i < cases.Count; i++)
        {
            CheckCase(cases[i], $"$.cases[{i}]", folderKey, workflowKeys, formKeys, p, problems);
        }
        return problems;
    }

    private static void CheckCase(JsonElement @case, string path, string procedureKey, IReadOnlySet<string> workflowKeys, IReadOnlySet<string> formKeys, Checker p, List<string> problems)
    {
        if (!p.Object(@case, path, required: ["code", "name", "nameEn", "timeLimits", "fees", "components"], optional: ["workflow"]))
        {
            return;
        }
        p.Text(@case, path, "code", Code());
        p.Text(@case, path, "name");
        p.Text(@case, path, "nameEn");
        var workflow = @case.TryGetProperty("workflow", out _) ? p.Text(@case, path, "workflow", Code()) : procedureKey;
        if (workflow is not null && !workflowKeys.Contains(workflow))
        {
            problems.Add($"{path}.workflow: no workflows/{workflow}/{workflow}.bpmn");
        }
        var limits = p.Array(@case, path, "timeLimits", minimum: 1);
        p.Unique(limits, path + ".timeLimits", "channel");
        for (var i = 0; i < limits.Count; i++)
        {
            var at = $"{path}.timeLimits[{i}]";
            if (p.Object(limits[i], at, required: ["channel", "value", "unit", "sameDay"], optional: []))
            {
                p.OneOf(limits[i], at, "channel", s_channels);
                p.OneOf(limits[i], at, "unit", s_units);
                p.Boolean(limits[i], at, "sameDay");
                p.Number(limits[i], at, "value", minimum: 1, integer: true);
            }
        }
        var channels = limits.Where(l => l.ValueKind == JsonValueKind.Object && l.TryGetProperty("channel", out _)).Select(l => l.GetProperty("channel").GetString()).ToHashSet();
        var fees = p.Array(@case, path, "fees", minimum: 0);
        p.Unique(fees, path + ".fees", "code");
        for (var i = 0; i < fees.Count; i++)
        {
            var at = $"{path}.fees[{i}]";
            if (p.Object(fees[i], at, required: ["code", "name", "nameEn", "amount", "currency", "per"], optional: ["channels", "setBy"]))
            {
                p.Text(fees[i], at, "code", Code());
                p.Text(fees[i], at, "name");
                p.Text(fees[i], at, "nameEn");
                p.Number(fees[i], at, "amount", minimum: 0, integer: true);
                p.OneOf(fees[i], at, "currency", ["VND"]);
                p.OneOf(fees[i], at, "per", s_feeBases);
                if (fees[i].TryGetProperty("setBy", out _))
                {
                    p.OneOf(fees[i], at, "setBy", s_levels);
                }
                if (fees[i].TryGetProperty("channels", out _))
                {
                    foreach (var channel in p.Texts(fees[i], at, "channels", null, minimum: 1))
                    {
                        if (!channels.Contains(channel))
                        {
                            problems.Add($"{at}.channels: '{channel}' is not a channel of this case (its time limits list {string.Join(", ", channels)})");
                        }
                    }
                }
            }
        }
        var components = p.Array(@case, path, "components", minimum: 1);
        p.Unique(components, path + ".components", "code");
        for (var i = 0; i < components.Count; i++)
        {
            var at = $"{path}.components[{i}]";
            if (p.Object(components[i], at, required: ["code", "name", "nameEn", "required", "originals", "certifiedCopies", "copies"], optional: ["formKey", "documentType"]))
            {
                p.Text(components[i], at, "code", Code());
                p.Text(components[i], at, "name");
                p.Text(components[i], at, "nameEn");
                p.Boolean(components[i], at, "required");
                var counts = new[] { "originals", "certifiedCopies", "copies" }.Sum(name => p.Number(components[i], at, name, minimum: 0, integer: true) ?? 0);
                if (counts == 0)
                {
                    problems.Add($"{at}: at least one of originals, certifiedCopies, copies must be positive");
                }
                if (components[i].TryGetProperty("formKey", out _) && p.Text(components[i], at, "formKey", Code()) is { } form && !formKeys.Contains(form))
                {
                    problems.Add($"{at}.formKey: no forms/{form}/{form}.form.json");
                }
                if (components[i].TryGetProperty("documentType", out _))
                {
                    p.Text(components[i], at, "documentType", Code());
                }
            }
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Code();

    [GeneratedRegex(@"^[0-9]\.[0-9]{6}$")]
    private static partial Regex NationalCode();

    [GeneratedRegex(@"^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9A-Z]{2}$")]
    private static partial Regex AgencyCode();

    /// <summary>Small typed reads that record a problem instead of throwing.</summary>
    private sealed class Checker(List<string> problems)
    {
        public bool Object(JsonElement element, string path, string[] required, string[] optional)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{path}: must be an object, not {element.ValueKind}");
                return false;
            }
            var before = problems.Count;
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name != "$comment" && !required.Contains(property.Name) && !optional.Contains(property.Name))
                {
                    problems.Add($"{path}.{property.Name}: unknown property");
                }
            }
            foreach (var name in required.Where(name => !element.TryGetProperty(name, out _)))
            {
                problems.Add($"{path}.{name}: required property missing");
            }
            return problems.Count == before || required.All(name => element.TryGetProperty(name, out _));
        }

        public string? Text(JsonElement parent, string path, string name, Regex? pattern = null)
        {
            var value = parent.GetProperty(name);
            if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
            {
                problems.Add($"{path}.{name}: must be a non-empty string");
                return null;
            }
            var text = value.GetString()!;
            if (pattern is not null && !pattern.IsMatch(text))
            {
                problems.Add($"{path}.{name}: '{text}' does not match {pattern}");
            }
            return text;
        }

        public List<string> Texts(JsonElement parent, string path, string name, Regex? pattern, int minimum)
        {
            var items = Array(parent, path, name, minimum);
            var texts = new List<string>();
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i].ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(items[i].GetString()))
                {
                    problems.Add($"{path}.{name}[{i}]: must be a non-empty string");
                    continue;
                }
                var text = items[i].GetString()!;
                if (pattern is not null && !pattern.IsMatch(text))
                {
                    problems.Add($"{path}.{name}[{i}]: '{text}' does not match {pattern}");
                }
                if (texts.Contains(text))
                {
                    problems.Add($"{path}.{name}[{i}]: '{text}' is listed twice");
                }
                texts.Add(text);
            }
            return texts;
        }

        public void OneOf(JsonElement parent, string path, string name, string[] allowed)
        {
            if (Text(parent, path, name) is { } text && !allowed.Contains(text))
            {
                problems.Add($"{path}.{name}: '{text}' is not one of {string.Join(" | ", allowed)}");
            }
        }

        public void Boolean(JsonElement parent, string path, string name)
        {
            if (parent.GetProperty(name).ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                problems.Add($"{path}.{name}: must be true or false");
            }
        }

        public decimal? Number(JsonElement parent, string path, string name, decimal minimum, bool integer)
        {
            var value = parent.GetProperty(name);
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number) || number < minimum || (integer && number != decimal.Truncate(number)))
            {
                problems.Add($"{path}.{name}: must be {(integer ? "an integer" : "a number")} ≥ {minimum}");
                return null;
            }
            return number;
        }

        public List<JsonElement> Array(JsonElement parent, string path, string name, int minimum)
        {
            var value = parent.GetProperty(name);
            if (value.ValueKind != JsonValueKind.Array)
            {
                problems.Add($"{path}.{name}: must be an array");
                return [];
            }
            var items = value.EnumerateArray().ToList();
            if (items.Count < minimum)
            {
                problems.Add($"{path}.{name}: needs at least {minimum} item(s)");
            }
            return items;
        }

        public void Unique(List<JsonElement> items, string path, string property)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in items.Where(i => i.ValueKind == JsonValueKind.Object && i.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String))
            {
                var value = item.GetProperty(property).GetString()!;
                if (!seen.Add(value))
                {
                    problems.Add($"{path}: {property} '{value}' is used more than once");
                }
            }
        }
    }
}
