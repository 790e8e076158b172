using System.Collections.Frozen;

namespace PublicServicesBpm.Forms;

/// <summary>
/// The component types of form-js (the <c>type</c> enumeration of its JSON schema, form-js 1.23) and
/// what each is here. Inputs are the types form-js marks "keyed"; group and dynamiclist are "pathed".
/// </summary>
public static class FormComponentTypes
{
    private static readonly FrozenDictionary<string, FormComponentKind> Supported = new Dictionary<string, FormComponentKind>
    {
        ["textfield"] = FormComponentKind.Input,
        ["textarea"] = FormComponentKind.Input,
        ["number"] = FormComponentKind.Input,
        ["datetime"] = FormComponentKind.Input,
        ["checkbox"] = FormComponentKind.Input,
        ["radio"] = FormComponentKind.Input,
        ["select"] = FormComponentKind.Input,
        ["checklist"] = FormComponentKind.Input,
        ["taglist"] = FormComponentKind.Input,
        ["filepicker"] = FormComponentKind.Input,
        ["expression"] = FormComponentKind.Input,
        ["group"] = FormComponentKind.Group,
        ["dynamiclist"] = FormComponentKind.DynamicList,
        ["text"] = FormComponentKind.Presentation,
        ["html"] = FormComponentKind.Presentation,
        ["image"] = FormComponentKind.Presentation,
        ["spacer"] = FormComponentKind.Presentation,
        ["separator"] = FormComponentKind.Presentation,
        ["table"] = FormComponentKind.Presentation,
        ["button"] = FormComponentKind.Presentation,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // form-js types refused on purpose, with the reason shown to the designer (Vietnamese, English).
    private static readonly FrozenDictionary<string, (string Vi, string En)> Refused = new Dictionary<string, (string Vi, string En)>
    {
        ["iframe"] = ("cổng dịch vụ công không nhúng trang web bên ngoài.", "the public portal does not embed external pages."),
        ["documentPreview"] = ("cần kho tài liệu của Camunda, hệ thống không có.", "it needs Camunda's document store, which this system does not have."),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The supported types and their kinds.</summary>
    public static IReadOnlyDictionary<string, FormComponentKind> All => Supported;

    /// <summary>The option-bearing types: their value must be one of the options.</summary>
    public static bool HasOptions(string type) => type is "select" or "radio" or "checklist" or "taglist";

    /// <summary>The option-bearing types whose value is a list.</summary>
    public static bool IsMultiSelect(string type) => type is "checklist" or "taglist";

    internal static bool TryGetKind(string type, out FormComponentKind kind) => Supported.TryGetValue(type, out kind);

    internal static bool TryGetRefusal(string type, out (string Vi, string En) reason) => Refused.TryGetValue(type, out reason);
}
