namespace PublicServicesBpm.Forms;

/// <summary>Reading <c>properties.prefill</c>.</summary>
internal sealed partial class FormSchemaReader
{
    private const string PrefillProperty = "prefill";

    private List<PrefillSource> ReadPrefill(Dictionary<string, string> properties, string type, string location, bool insideList)
    {
        if (!properties.TryGetValue(PrefillProperty, out var text))
        {
            return [];
        }

        var sources = new List<PrefillSource>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == PrefillSource.PreviousWord)
            {
                sources.Add(new PrefillSource(PrefillSourceKind.Previous, null));
            }
            else if (part.StartsWith(PrefillSource.IdentityPrefix, StringComparison.Ordinal) && IdentityFields.All.Contains(part[PrefillSource.IdentityPrefix.Length..]))
            {
                sources.Add(new PrefillSource(PrefillSourceKind.Identity, part[PrefillSource.IdentityPrefix.Length..]));
            }
            else
            {
                Problem(location, FormProblemCodes.InvalidPrefill, part, $"use previous or identity.<{string.Join('|', IdentityFields.All)}> / dùng previous hoặc identity.<...>");
            }
        }

        var why = (type, insideList) switch
        {
            ("filepicker", _) => "attachments belong to one dossier / tệp đính kèm thuộc về một hồ sơ",
            ("expression", _) => "expression fields are computed / trường biểu thức được tính tự động",
            ("dynamiclist", _) when sources.Any(s => s.Kind == PrefillSourceKind.Identity) => "a list can only be copied from an earlier dossier / danh sách chỉ sao chép từ hồ sơ trước",
            ("dynamiclist", false) => null,
            (_, true) => "fields inside a dynamic list are prefilled with the whole list / trường trong danh sách động được điền sẵn theo cả danh sách",
            ("group" or "text" or "html" or "image" or "spacer" or "separator" or "table" or "button", _) => "this component holds no value / thành phần này không chứa giá trị",
            _ => null,
        };
        if (why is not null)
        {
            Problem(location, FormProblemCodes.InvalidPrefill, text, why);
        }

        return sources;
    }
}
