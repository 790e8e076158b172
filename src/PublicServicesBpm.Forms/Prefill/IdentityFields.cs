namespace PublicServicesBpm.Forms;

/// <summary>
/// The names under which the host passes the signed-in person's data to <see cref="FormPrefill.Build"/>,
/// and which a form names in <c>properties.prefill</c> as <c>identity.&lt;name&gt;</c>. The host fills
/// them from the citizen sign-in claims (VNeID / the development provider): <c>name</c>,
/// <c>personal_id</c>, <c>birthdate</c>, <c>gender</c>, <c>phone_number</c>, <c>email</c>, <c>address</c>.
/// </summary>
public static class IdentityFields
{
    /// <summary>Họ và tên — full name (claim <c>name</c>).</summary>
    public const string FullName = "fullName";

    /// <summary>Số định danh cá nhân — the 12-digit personal identification number (claim <c>personal_id</c>).</summary>
    public const string PersonalIdNumber = "personalIdNumber";

    /// <summary>Ngày sinh — birth date, YYYY-MM-DD (claim <c>birthdate</c>).</summary>
    public const string BirthDate = "birthDate";

    /// <summary>Giới tính — gender as the provider sends it (claim <c>gender</c>).</summary>
    public const string Gender = "gender";

    /// <summary>Số điện thoại — phone number (claim <c>phone_number</c>).</summary>
    public const string PhoneNumber = "phoneNumber";

    /// <summary>Thư điện tử — email address (claim <c>email</c>).</summary>
    public const string Email = "email";

    /// <summary>Địa chỉ — the formatted address (claim <c>address</c>).</summary>
    public const string Address = "address";

    /// <summary>Every identity field a form may name.</summary>
    public static IReadOnlyList<string> All { get; } = [FullName, PersonalIdNumber, BirthDate, Gender, PhoneNumber, Email, Address];
}
