using System.Collections.Frozen;
using System.Globalization;

namespace PublicServicesBpm.Forms;

/// <summary>
/// The Vietnamese and English text of every schema problem and field error, by code. A small table in
/// code rather than .resx files: the Forms project has no localization infrastructure, both languages
/// are always returned together (the host picks one for the request), and a test checks that every
/// code has both texts. Placeholders are <c>{0}</c>, <c>{1}</c>, formatted with the invariant culture.
/// </summary>
internal static class FormMessages
{
    private static readonly FrozenDictionary<string, (string Vi, string En)> Texts = new Dictionary<string, (string Vi, string En)>
    {
        // Schema problems
        [FormProblemCodes.InvalidJson] = ("Biểu mẫu không phải là JSON hợp lệ: {0}", "The form is not valid JSON: {0}"),
        [FormProblemCodes.TooLarge] = ("Biểu mẫu vượt quá giới hạn kích thước ({0}).", "The form exceeds a size limit ({0})."),
        [FormProblemCodes.NotAForm] = ("Biểu mẫu phải là đối tượng form-js có \"type\": \"default\" và danh sách \"components\".", "The form must be a form-js object with \"type\": \"default\" and a \"components\" list."),
        [FormProblemCodes.UnknownType] = ("Loại thành phần \"{0}\" không tồn tại trong form-js.", "Component type \"{0}\" is not a form-js type."),
        [FormProblemCodes.UnsupportedType] = ("Loại thành phần \"{0}\" không được hỗ trợ trong hệ thống này: {1}", "Component type \"{0}\" is not supported here: {1}"),
        [FormProblemCodes.MissingKey] = ("Trường nhập liệu phải có \"key\".", "An input field needs a \"key\"."),
        [FormProblemCodes.InvalidKey] = ("\"{0}\" không hợp lệ: chỉ dùng chữ cái, chữ số, dấu gạch dưới, phân cách bằng dấu chấm.", "\"{0}\" is invalid: use letters, digits and underscores, separated by dots."),
        [FormProblemCodes.DuplicateKey] = ("Đường dẫn dữ liệu \"{0}\" trùng hoặc chồng lấn với một trường khác.", "Data path \"{0}\" duplicates or overlaps another field."),
        [FormProblemCodes.DuplicateId] = ("Mã thành phần \"{0}\" bị trùng.", "Component id \"{0}\" is used more than once."),
        [FormProblemCodes.MissingPath] = ("Danh sách động phải có \"path\".", "A dynamic list needs a \"path\"."),
        [FormProblemCodes.InvalidProperty] = ("Thuộc tính \"{0}\" không hợp lệ: {1}", "Property \"{0}\" is invalid: {1}"),
        [FormProblemCodes.InvalidRule] = ("Quy tắc kiểm tra \"{0}\" không hợp lệ: {1}", "Validation rule \"{0}\" is invalid: {1}"),
        [FormProblemCodes.MinGreaterThanMax] = ("Giá trị tối thiểu \"{0}\" lớn hơn giá trị tối đa \"{1}\".", "The minimum \"{0}\" is greater than the maximum \"{1}\"."),
        [FormProblemCodes.InvalidPattern] = ("Biểu thức chính quy \"{0}\" không hợp lệ: {1}", "The regular expression \"{0}\" is invalid: {1}"),
        [FormProblemCodes.InvalidFeel] = ("Biểu thức FEEL ở \"{0}\" không hợp lệ: {1}", "The FEEL expression in \"{0}\" is invalid: {1}"),
        [FormProblemCodes.InvalidOptions] = ("Các lựa chọn phải là danh sách tĩnh (values) hoặc khóa dữ liệu đầu vào (valuesKey): {0}", "Options must be a static list (values) or an input data key (valuesKey): {0}"),
        [FormProblemCodes.InvalidPrefill] = ("Nguồn điền sẵn \"{0}\" không hợp lệ: {1}", "Prefill source \"{0}\" is invalid: {1}"),

        // Field errors
        [FieldErrorCodes.Required] = ("Trường này là bắt buộc.", "Field is required."),
        [FieldErrorCodes.Pattern] = ("Giá trị không đúng định dạng yêu cầu ({0}).", "Field must match pattern {0}."),
        [FieldErrorCodes.Min] = ("Giá trị phải lớn hơn hoặc bằng {0}.", "Field must have minimum value of {0}."),
        [FieldErrorCodes.Max] = ("Giá trị phải nhỏ hơn hoặc bằng {0}.", "Field must have maximum value of {0}."),
        [FieldErrorCodes.MinLength] = ("Giá trị phải có ít nhất {0} ký tự.", "Field must have minimum length of {0}."),
        [FieldErrorCodes.MaxLength] = ("Giá trị chỉ được có tối đa {0} ký tự.", "Field must have maximum length of {0}."),
        [FieldErrorCodes.Email] = ("Địa chỉ thư điện tử không hợp lệ.", "Field must be a valid email."),
        [FieldErrorCodes.Phone] = ("Số điện thoại phải ở dạng quốc tế (ví dụ +84912345678).", "Field must be a valid international phone number (e.g. +4930664040900)."),
        [FieldErrorCodes.NotANumber] = ("Giá trị không phải là số.", "Value is not a number."),
        [FieldErrorCodes.WholeNumber] = ("Giá trị phải là số nguyên.", "Value is expected to be an integer."),
        [FieldErrorCodes.DecimalDigits] = ("Giá trị chỉ được có tối đa {0} chữ số thập phân.", "Value is expected to have at most {0} decimal digit(s)."),
        [FieldErrorCodes.Increment] = ("Giá trị không hợp lệ; hai giá trị hợp lệ gần nhất là {0} và {1}.", "Please select a valid value, the two nearest valid values are {0} and {1}."),
        [FieldErrorCodes.NotAnOption] = ("Giá trị \"{0}\" không nằm trong danh sách lựa chọn.", "Value \"{0}\" is not one of the options."),
        [FieldErrorCodes.OptionsUnavailable] = ("Không xác định được danh sách lựa chọn \"{0}\" để kiểm tra giá trị.", "The option list \"{0}\" is not available to check the value."),
        [FieldErrorCodes.WrongType] = ("Giá trị phải là {0}.", "Value must be {1}."),
        [FieldErrorCodes.UnknownField] = ("Trường này không có trong biểu mẫu.", "Field is not part of the form."),
        [FieldErrorCodes.InvalidDate] = ("Ngày không hợp lệ; định dạng đúng là YYYY-MM-DD.", "Invalid date; the expected shape is YYYY-MM-DD."),
        [FieldErrorCodes.InvalidTime] = ("Giờ không hợp lệ; định dạng đúng là {0}.", "Invalid time; the expected shape is {0}."),
        [FieldErrorCodes.InvalidDateTime] = ("Ngày giờ không hợp lệ; định dạng đúng là {0}.", "Invalid date and time; the expected shape is {0}."),
        [FieldErrorCodes.DateInPast] = ("Không được chọn ngày đã qua.", "Past dates are not allowed."),
        [FieldErrorCodes.DateBeforeMin] = ("Ngày phải từ {0} trở đi.", "The date must be on or after {0}."),
        [FieldErrorCodes.DateAfterMax] = ("Ngày phải không muộn hơn {0}.", "The date must be on or before {0}."),
        [FieldErrorCodes.AttachmentNotFound] = ("Không tìm thấy tệp đính kèm \"{0}\" của hồ sơ này.", "Attachment \"{0}\" was not found for this dossier."),
        [FieldErrorCodes.AttachmentNotAccepted] = ("Tệp \"{0}\" không thuộc loại được chấp nhận ({1}).", "File \"{0}\" is not of an accepted type ({1})."),
        [FieldErrorCodes.SingleFileExpected] = ("Chỉ được đính kèm một tệp.", "Only one file may be attached."),
        [FieldErrorCodes.TooManyItems] = ("Danh sách có quá nhiều mục (tối đa {0}).", "The list has too many items (at most {0})."),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every code that has text; a test checks that each public code is here.</summary>
    public static IEnumerable<string> Codes => Texts.Keys;

    public static (string Vi, string En) Format(string code, params object?[] arguments)
    {
        var (vi, en) = Texts[code];
        return (string.Format(CultureInfo.InvariantCulture, vi, arguments), string.Format(CultureInfo.InvariantCulture, en, arguments));
    }
}
