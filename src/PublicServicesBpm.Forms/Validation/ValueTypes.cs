namespace PublicServicesBpm.Forms;

/// <summary>The names of expected value types in <see cref="FieldErrorCodes.WrongType"/> messages.</summary>
internal static class ValueTypes
{
    public static readonly (string Vi, string En) Text = ("một chuỗi văn bản", "a text");
    public static readonly (string Vi, string En) Number = ("một số", "a number");
    public static readonly (string Vi, string En) Boolean = ("true hoặc false", "true or false");
    public static readonly (string Vi, string En) List = ("một danh sách", "a list");
    public static readonly (string Vi, string En) Object = ("một nhóm dữ liệu (đối tượng JSON)", "an object");
    public static readonly (string Vi, string En) AttachmentIds = ("mã tệp đính kèm hoặc danh sách mã tệp đính kèm", "an attachment id or a list of attachment ids");

    public static FieldError WrongType(string path, string? componentId, (string Vi, string En) expected) =>
        FieldError.Create(path, componentId, FieldErrorCodes.WrongType, expected.Vi, expected.En);
}
